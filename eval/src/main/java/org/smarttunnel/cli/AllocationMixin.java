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

    @Mixin
    SchedulingMixin scheduling;

    /** These options set on {@code b}. */
    ReplayOptions.Builder apply(ReplayOptions.Builder b) {
        return scheduling.apply(b.allocators(Allocators.parse(allocator != null ? allocator : allocators)));
    }
}
