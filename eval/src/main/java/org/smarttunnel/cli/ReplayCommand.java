package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;
import org.smarttunnel.replay.run.ReplayRow;
import org.smarttunnel.replay.run.ReplayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Replay captured intervals of several traces, combined into one tunnel, under allocators.", "",
                "Every interval of the chosen traces (aligned by interval number, or by absolute time) is replayed "
                        + "under every allocator and mode: the allocator sees only the models of the mode, the "
                        + "replay uses the interval's real losses (slot j = probe j of every path, groups of G "
                        + "slots, D data then R redundant, a group losing its lost data when more than R are lost). "
                        + "One row per (mode, allocator, interval).", ""})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Trace dataset (from 'import').")
    Path data;

    @Option(names = "--trace", required = true, paramLabel = "ID",
            description = "A trace of the tunnel, one per path; repeat for every path, in path order.")
    List<String> traces;

    @Option(names = "--allocator", required = true, split = ",", paramLabel = "ID",
            description = "Allocators to replay, comma-separated, or all (see 'smarttunnel allocators').")
    List<String> allocators;

    @Option(names = "--group", defaultValue = "40", paramLabel = "G", description = "FEC group size (default: ${DEFAULT-VALUE}).")
    int group;

    @Option(names = "--redundancy", defaultValue = "7", paramLabel = "R",
            description = "Redundant packets per group (default: ${DEFAULT-VALUE}).")
    int redundancy;

    @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE",
            description = "oracle, predicted or both (default: ${DEFAULT-VALUE}).")
    String mode;

    @Mixin
    ModelOptions model;

    @Option(names = "--interval", defaultValue = "40s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Interval length (default: ${DEFAULT-VALUE}).")
    long intervalNs;

    @Option(names = "--align", defaultValue = "interval", paramLabel = "HOW",
            description = "interval: by interval number; time: by absolute time from the latest first send, "
                    + "for traces measured together (default: ${DEFAULT-VALUE}).")
    String align;

    @Option(names = "--capacity", split = ",", paramLabel = "C",
            description = "Packets per group each path can carry, in path order (smarttunnel and smarttunnel-exact "
                    + "honour it; paper Fig. 4).")
    List<Integer> capacity;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--emax", defaultValue = "500", paramLabel = "E",
            description = "smarttunnel's scale of means (default: ${DEFAULT-VALUE}).")
    int emax;

    @Option(names = "--target-loss", paramLabel = "RATE",
            description = "FEC adaptation (paper IV-D): per interval and allocator, the smallest R whose predicted "
                    + "loss rate after FEC (exact, under the model) meets RATE; --redundancy is then ignored.")
    Double targetLoss;

    @Option(names = "--max-redundancy", paramLabel = "R",
            description = "Largest R adaptation tries (default: half the group).")
    Integer maxRedundancy;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file for the rows.")
    Path out;

    @Override
    public Integer call() throws IOException, IngestException {
        if (capacity != null && capacity.size() != traces.size()) {
            throw new IllegalArgumentException("--capacity needs one value per --trace (" + traces.size() + ")");
        }
        if (targetLoss != null && !(targetLoss >= 0 && targetLoss < 1)) {
            throw new IllegalArgumentException("--target-loss must lie in [0, 1)");
        }
        ReplayOptions.Alignment alignment = switch (align.toLowerCase(Locale.ROOT)) {
            case "interval" -> ReplayOptions.Alignment.INTERVAL;
            case "time" -> ReplayOptions.Alignment.TIME;
            default -> throw new IllegalArgumentException("--align must be interval or time, not '" + align + "'");
        };
        ReplayOptions o = new ReplayOptions(group, redundancy, FitCommand.modes(mode), model.stateChoice(), model.history,
                Converters.micros(intervalNs, "--interval"), alignment, capacity == null ? null : capacity.stream().mapToInt(Integer::intValue)
                        .toArray(), seed, emax, targetLoss == null ? Double.NaN : targetLoss,
                maxRedundancy == null ? group / 2 : maxRedundancy);
        TraceDataset ds = TraceDataset.open(data);
        List<Trace> loaded = new ArrayList<>();
        for (String id : traces) {
            loaded.add(ds.load(id));
        }
        var chosen = Allocators.parse(String.join(",", allocators));
        List<ReplayRow> rows = ReplayRunner.run(loaded, chosen, o);
        CsvTables.write(out, ReplayRow.TABLE, rows);
        print(rows, o);
        return 0;
    }

    private record Summary(String mode, String allocator, int intervals, int lossFree, double lossRateSum, long lost,
            long sent) {
        Summary add(ReplayRow r) {
            return new Summary(mode, allocator, intervals + 1, lossFree + (r.result().lossFree() ? 1 : 0),
                    lossRateSum + r.result().lossRate(), lost + r.result().dataLost(), sent + r.result().dataSent());
        }
    }

    private void print(List<ReplayRow> rows, ReplayOptions o) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Replayed %d traces as one tunnel (G=%d, %s, %s intervals, %s): %d rows to %s%n",
                traces.size(), o.group(), o.adapting() ? "R adapted to loss " + Numbers.number(o.targetLoss())
                        : "R=" + o.redundancy(), Durations.format(intervalNs), o.alignment() == ReplayOptions.Alignment.TIME
                        ? "aligned by time" : "aligned by interval number", rows.size(), out);
        Map<String, Summary> s = new LinkedHashMap<>();
        for (ReplayRow r : rows) {
            String key = r.mode().id() + "/" + r.allocator();
            s.merge(key, new Summary(r.mode().id(), r.allocator(), 0, 0, 0, 0, 0).add(r), (a, b) -> a.add(r));
        }
        TerminalTable.print(w, List.of(Column.text("mode", Summary::mode),
                Column.text("allocator", Summary::allocator),
                Column.integer("intervals", "intervals", Summary::intervals),
                Column.formatted("loss-free", "%", x -> String.format(Locale.ROOT, "%.1f%%",
                        100.0 * x.lossFree() / x.intervals())),
                Column.number("mean loss rate", "fraction", x -> x.lossRateSum() / x.intervals()),
                Column.formatted("data lost/sent", "packets", x -> x.lost() + "/" + x.sent())),
                new ArrayList<>(s.values()));
    }
}
