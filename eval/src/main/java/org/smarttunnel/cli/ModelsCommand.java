package org.smarttunnel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.fitting.model.LossModelFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "models", description = "List the loss models (the extended Gilbert family), one line each.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TerminalTable.print(spec.commandLine().getOut(), List.of(Column.text("model", LossModelFamily::id),
                Column.text("states", LossModelFamily::states), Column.text("description",
                        LossModelFamily::description)), LossModelFamily.all());
        return 0;
    }
}
