package org.smarttunnel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.InputFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "formats", description = "List the input formats import's --format chooses from, one line each, in "
        + "the order --format auto tries them.")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TerminalTable.print(spec.commandLine().getOut(), List.of(Column.text("format", InputFormat::id),
                Column.text("description", InputFormat::description)), InputFormats.all());
        return 0;
    }
}
