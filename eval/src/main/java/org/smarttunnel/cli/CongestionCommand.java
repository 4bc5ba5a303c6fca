package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.congestion.CongestionAnalysis;
import org.smarttunnel.eval.congestion.CongestionOptions;
import org.smarttunnel.fitting.congestion.Grouping;
import org.smarttunnel.fitting.congestion.Verdict;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "congestion", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Detect shared congestion between traces measured together; group and select paths.", "",
                "Compares every pair of the chosen traces (all of the dataset's by default, whatever their sites: "
                        + "two destinations probed from one host can share its first hop): probes matched in time, "
                        + "bins of --bin, Fisher's exact test on lossy bins and Pearson's correlation of the bins' "
                        + "mean RTTs. Writes pairs.csv (tests and verdicts), groups.csv (paths sharing congestion, "
                        + "GMS), with --select selection.csv (paths from distinct groups) and with --truth "
                        + "scores.csv (precision, recall, SCI) into DIR.", ""})
final class CongestionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetMixin data;

    @Option(names = "--site", paramLabel = "SITE", description = "Only the traces to this site.")
    String site;

    @Option(names = "--traces", split = ",", paramLabel = "ID", description = "Only these traces.")
    List<String> traces;

    @Option(names = "--bin", defaultValue = Defaults.BIN, paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Bin of matched probe pairs for the tests (default: ${DEFAULT-VALUE}).")
    long binNs;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Traces are concurrent when their send times overlap by this much (default: the "
                    + "dataset's interval).")
    Long intervalNs;

    @Option(names = "--select", paramLabel = "PATHS",
            description = "Also select this many paths from distinct groups (best first).")
    Integer select;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "A CSV of trace,group (simulate writes groups_truth.csv): score the pairs and the selection "
                    + "against it.")
    Path truth;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the tables.")
    Path out;

    CongestionOptions options() {
        return CongestionOptions.builder().site(Optional.ofNullable(site)).traces(traces == null ? List.of() : traces)
                .binUs(Converters.micros(binNs, "--bin"))
                .intervalUs(intervalNs == null ? OptionalLong.empty()
                        : OptionalLong.of(Converters.micros(intervalNs, "--interval")))
                .select(select == null ? OptionalInt.empty() : OptionalInt.of(select))
                .truth(Optional.ofNullable(truth)).build();
    }

    @Override
    public Integer call() throws IOException, IngestException {
        CongestionOptions o = options();
        TraceDataset ds = data.open();
        CongestionAnalysis.Result r = CongestionAnalysis.run(ds, o);
        List<String> written = write(r);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Compared %d pairs of %d traces: %d shared, %d independent, %d unknown, %d not "
                + "concurrent%n", r.pairs().size(), r.groups().stream().mapToInt(g -> g.members().size()).sum(),
                r.verdicts(Verdict.SHARED), r.verdicts(Verdict.INDEPENDENT), r.verdicts(Verdict.UNKNOWN),
                r.verdicts(Verdict.NOT_CONCURRENT));
        w.printf(Locale.ROOT, "%d groups of paths sharing congestion", r.groups().size());
        long multi = r.groups().stream().filter(g -> g.members().size() > 1).count();
        w.printf(Locale.ROOT, " (%d with more than one path)%n", multi);
        for (Grouping.Group g : r.groups()) {
            if (g.members().size() > 1) {
                w.println("  group " + g.number() + ": " + String.join(", ", g.members().stream()
                        .map(Grouping.Path::trace).toList()));
            }
        }
        if (!r.selection().isEmpty()) {
            w.println("Selected: " + String.join(", ", r.selection().stream().map(s -> s.path().trace()).toList()));
        }
        for (CongestionAnalysis.Score s : r.scores()) {
            w.println("  " + s.measure() + ": " + s.value());
        }
        w.println("Wrote " + String.join(", ", written) + " to " + out);
        return 0;
    }

    /** Every table into a staging directory, then moved into place: a failure leaves earlier tables alone. */
    private List<String> write(CongestionAnalysis.Result r) throws IOException {
        org.smarttunnel.common.io.IoErrors.requireDirectoryOrAbsent(out);
        Files.createDirectories(out);
        org.smarttunnel.common.io.FileTrees.removeStale(out);
        Path staging = Files.createDirectories(out.resolve(".congestion-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime()));
        List<String> names = new ArrayList<>();
        try {
            names.add(stage(staging, CongestionAnalysis.PAIRS, r.pairs()));
            names.add(stage(staging, CongestionAnalysis.GROUPS, CongestionAnalysis.groupRows(r.groups())));
            if (!r.selection().isEmpty()) {
                names.add(stage(staging, CongestionAnalysis.SELECTION, r.selection()));
            }
            if (!r.scores().isEmpty()) {
                names.add(stage(staging, CongestionAnalysis.SCORES, r.scores()));
            }
            for (String n : names) {
                AtomicFiles.move(staging.resolve(n), out.resolve(n));
            }
            return names;
        } finally {
            FileTrees.delete(staging);
        }
    }

    private static <T> String stage(Path staging, TableSpec<T> table, List<T> rows) throws IOException {
        CsvTables.write(staging.resolve(table.name()), table, rows);
        return table.name();
    }
}
