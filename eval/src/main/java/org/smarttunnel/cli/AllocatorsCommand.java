package org.smarttunnel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "allocators", description = "List the allocators --allocators chooses from, one line each.")
final class AllocatorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TerminalTable.print(spec.commandLine().getOut(), List.of(Column.text("allocator", Allocator::id),
                Column.text("group", a -> a.group().label()), Column.text("description", Allocator::description)),
                Allocators.all());
        return 0;
    }
}
