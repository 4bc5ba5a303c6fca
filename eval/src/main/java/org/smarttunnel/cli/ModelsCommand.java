package org.smarttunnel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.fitting.model.LossModelType;
import org.smarttunnel.fitting.model.LossModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "models", description = "List the loss models --model chooses from, one line each.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TerminalTable.print(spec.commandLine().getOut(), List.of(Column.text("model", ModelsCommand::name),
                Column.text("states", LossModelType::statesText), Column.text("description",
                        LossModelType::description)), LossModels.all());
        return 0;
    }

    /** The id, and its short names in brackets. */
    private static String name(LossModelType t) {
        List<String> aliases = LossModels.aliasesOf(t.id());
        return aliases.isEmpty() ? t.id() : t.id() + " (" + String.join(", ", aliases) + ")";
    }
}
