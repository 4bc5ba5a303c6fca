package org.smarttunnel.cli;

import org.smarttunnel.common.options.Defaults;
import picocli.CommandLine.Option;

/** The seed of every random choice. */
final class SeedMixin {
    @Option(names = "--seed", defaultValue = "" + Defaults.SEED, paramLabel = "SEED",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}); the same seed gives the same "
                    + "output.")
    long seed;
}
