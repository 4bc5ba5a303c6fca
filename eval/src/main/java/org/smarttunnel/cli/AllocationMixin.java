package org.smarttunnel.cli;

import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The allocators and what they share: the options replay, evaluate and bench allocators have in common. */
final class AllocationMixin {
    @Option(names = "--allocators", defaultValue = Defaults.ALLOCATORS, paramLabel = "IDS",
            description = "Allocators, comma-separated, or all (default: ${DEFAULT-VALUE}; see 'smarttunnel "
                    + "allocators').")
    String allocators;

    /** The singular spelling earlier versions had, kept working and out of the help. */
    @Option(names = "--allocator", hidden = true, paramLabel = "IDS")
    String allocator;

    @Option(names = "--group", defaultValue = "" + Defaults.GROUP, paramLabel = "PACKETS",
            description = "Packets per FEC group, data and redundant (default: ${DEFAULT-VALUE}).")
    int group;

    @Option(names = "--emax", defaultValue = "" + Defaults.EMAX, paramLabel = "EMAX",
            description = "smarttunnel's scale of means, Emax (default: ${DEFAULT-VALUE}).")
    int emax;

    @Mixin
    SeedMixin seed;

    /** These options set on {@code b}. */
    ReplayOptions.Builder apply(ReplayOptions.Builder b) {
        return b.allocators(Allocators.parse(allocator != null ? allocator : allocators)).group(group).emax(emax).seed(seed.seed);
    }
}
