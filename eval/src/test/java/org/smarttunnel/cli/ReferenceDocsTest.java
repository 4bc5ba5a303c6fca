package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.congestion.CongestionAnalysis;
import org.smarttunnel.eval.experiment.Combination;
import org.smarttunnel.eval.experiment.ExperimentRow;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.eval.experiment.UserTunnels;
import org.smarttunnel.eval.simulate.GroundTruth;
import org.smarttunnel.eval.timeline.Timeline;
import org.smarttunnel.fitting.predict.IntervalModel;
import org.smarttunnel.ingest.dataset.IntervalRow;
import org.smarttunnel.ingest.dataset.TraceCsvWriter;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.replay.run.ReplayRow;
import picocli.CommandLine;

/**
 * The reference documentation is generated from the code: docs/commands.md from the command
 * line's own help, docs/outputs.md from the table declarations. A change to either must come
 * with the regenerated file ({@code mvn -pl eval test -Dtest=ReferenceDocsTest -Ddocs.update=true}).
 */
class ReferenceDocsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final int WIDTH = 100;

    static final List<TableSpec<?>> TABLES = List.of(TraceSummary.TABLE, IntervalRow.TABLE, TraceCsvWriter.TABLE,
            IntervalModel.TABLE, org.smarttunnel.fitting.model.ModelSelection.TABLE,
            org.smarttunnel.fitting.model.RunLengths.TABLE, ReplayRow.TABLE, ExperimentRow.TABLE, Combination.TABLE, Tables.LOSS_FREE,
            Tables.MEAN_LOSS, Tables.BY_PATHS, Tables.EXPECTED_LOSS, Tables.CALIBRATION, Tables.DELAY, org.smarttunnel.eval.Manifest.TABLE, UserTunnels.TABLE, Timeline.TABLE,
            CongestionAnalysis.PAIRS, CongestionAnalysis.GROUPS, CongestionAnalysis.SELECTION,
            CongestionAnalysis.SCORES, CongestionAnalysis.TRUTH, GroundTruth.PATHS, GroundTruth.PERIODS,
            GroundTruth.BOTTLENECKS);

    @Test
    void commandReferenceIsTheHelpOfEveryCommand() throws IOException {
        CommandLine root = Main.commandLine(Main.COMMANDS);
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(WIDTH);
        StringBuilder md = new StringBuilder("""
                # Command reference

                Generated from the command line's own help (`./smarttunnel COMMAND --help` prints the same);
                a test keeps this file equal to it. Durations are written `2s`, `40s`, `2ms`, `1.5s`, `5m`,
                `250us`. Exit status: 0 success, 1 bad input (the files that could be read were processed),
                2 usage error, 3 unexpected failure (`SMARTTUNNEL_DEBUG=1` shows where).

                """);
        append(md, root, "smarttunnel");
        check("commands.md", md.toString());
    }

    private static void append(StringBuilder md, CommandLine cl, String name) {
        md.append("## `").append(name).append("`\n\n```text\n")
                .append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (!sub.getKey().equals("help")) {
                append(md, sub.getValue(), name + " " + sub.getKey());
            }
        }
    }

    @Test
    void outputReferenceIsTheTableDeclarations() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Output tables

                Generated from the table declarations in the code (each table declares its columns once:
                name, unit, format and the value it reads); a test keeps this file equal to them. Every CSV
                the toolkit writes is RFC 4180 (fields quoted only when they must be), UTF-8, with a header
                line and `\\n` line ends; numbers use `.` as the decimal mark. What the columns mean in
                detail: [formats.md](formats.md) (datasets) and [method.md](method.md) (results).

                """);
        for (TableSpec<?> t : TABLES) {
            md.append("## `").append(t.name()).append("`\n\n").append(capital(t.description())).append(".\n\n");
            md.append("| column | unit |\n|---|---|\n");
            for (Column<?> c : t.columns()) {
                md.append("| `").append(c.name()).append("` | ").append(c.unit().isEmpty() ? "-" : c.unit())
                        .append(" |\n");
            }
            md.append('\n');
        }
        check("outputs.md", md.toString().stripTrailing() + "\n");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void check(String file, String expected) throws IOException {
        Path path = DOCS.resolve(file);
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(DOCS);
            Files.writeString(path, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "",
                "docs/" + file + " is out of date (regenerate with -Ddocs.update=true)");
    }
}
