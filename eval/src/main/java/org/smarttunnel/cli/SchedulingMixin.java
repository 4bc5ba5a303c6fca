package org.smarttunnel.cli;

import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every allocator shares: the group size, smarttunnel's Emax and the seed. */
final class SchedulingMixin {
    @Option(names = "--group", defaultValue = "" + Defaults.GROUP, paramLabel = "PACKETS",
            description = "Packets per FEC group, data and redundant, 1 to 1024 (default: ${DEFAULT-VALUE}).")
    int group;

    @Option(names = "--emax", defaultValue = "" + Defaults.EMAX, paramLabel = "EMAX",
            description = "smarttunnel's scale of means, Emax (default: ${DEFAULT-VALUE}).")
    int emax;

    @Mixin
    SeedMixin seed;

    /** These options set on {@code b}. */
    ReplayOptions.Builder apply(ReplayOptions.Builder b) {
        return b.group(group).emax(emax).seed(seed.seed);
    }
}
