package org.smarttunnel.cli;

import java.util.concurrent.Callable;
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
        new TextTable<LossModelFamily>()
                .left("model", LossModelFamily::id)
                .left("states", LossModelFamily::states)
                .left("description", LossModelFamily::description)
                .print(spec.commandLine().getOut(), LossModelFamily.all(), java.util.List.of());
        return 0;
    }
}
