package org.smarttunnel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "allocators", description = "List the allocators, one line each.")
final class AllocatorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        new TextTable<Allocator>()
                .left("allocator", Allocator::id)
                .left("description", Allocator::description)
                .print(spec.commandLine().getOut(), Allocators.all(), List.of());
        return 0;
    }
}
