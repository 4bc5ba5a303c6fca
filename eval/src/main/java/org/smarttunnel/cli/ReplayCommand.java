package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.alloc.Allocator;
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
                        + "replay uses the interval's real losses (slot j = probe j of every path, groups of --group "
                        + "slots, the data packets first, then --redundancy redundant ones; a group loses its lost "
                        + "data when more packets are lost than it has redundant ones). One row per (mode, allocator, "
                        + "interval).", ""})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetMixin data;

    @Mixin
    TunnelTracesMixin tunnelTraces;

    @Mixin
    AllocationMixin allocation;

    @Option(names = "--redundancy", defaultValue = "" + Defaults.REDUNDANCY, paramLabel = "K",
            description = "Redundant packets per group (default: ${DEFAULT-VALUE}).")
    int redundancy;

    @Mixin
    ModelMixin model;

    @Mixin
    TunnelMixin tunnel;

    @Option(names = "--capacity", split = ",", paramLabel = "PACKETS",
            description = "Packets per group each path can carry, in path order (for the allocators that honour "
                    + "capacities: smarttunnel and smarttunnel-exact; SmartTunnel's Fig. 4).")
    List<Integer> capacity;

    @Option(names = "--target-loss", paramLabel = "RATE",
            description = "FEC adaptation (SmartTunnel IV-D): per interval and allocator, the fewest redundant "
                    + "packets whose predicted loss rate after FEC (exact, under the model) meets RATE; "
                    + "--redundancy is then ignored.")
    Double targetLoss;

    @Option(names = "--max-redundancy", paramLabel = "K",
            description = "Most redundant packets adaptation tries (default: half the group).")
    Integer maxRedundancy;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file for the rows.")
    Path out;

    ReplayOptions options() {
        return tunnel.apply(allocation.apply(ReplayOptions.builder()))
                .models(model.options())
                .redundancy(redundancy)
                .capacity(capacity == null ? List.of() : capacity)
                .targetLoss(targetLoss == null ? OptionalDouble.empty() : OptionalDouble.of(targetLoss))
                .maxRedundancy(maxRedundancy == null ? OptionalInt.empty() : OptionalInt.of(maxRedundancy))
                .build();
    }

    @Override
    public Integer call() throws IOException, IngestException {
        ReplayOptions o = options(); // refuses nonsense before the dataset is read
        tunnelTraces.requireTunnel();
        TraceDataset ds = data.open();
        o = TunnelTracesMixin.onDataset(o, ds);
        if (!o.capacity().isEmpty()) {
            List<String> ignoring = o.allocators().stream().filter(a -> !a.honoursCapacity()).map(Allocator::id)
                    .toList();
            InvalidSettingException.require(ignoring.isEmpty(), Setting.CAPACITY, "is not honoured by "
                    + String.join(", ", ignoring) + "; leave those allocators out or the capacities off");
        }
        List<Trace> loaded = tunnelTraces.load(ds);
        ReplayOptions.Alignment aligned = ReplayRunner.alignment(loaded.stream().map(Concurrency.Span::of).toList(),
                o.alignment(), o.models().intervalUs().getAsLong());
        ReplayOptions resolved = o.toBuilder().alignment(aligned).build();
        List<IntervalFits> fits = ReplayRunner.cut(loaded, resolved);
        List<ReplayRow> rows = ReplayRunner.run(fits, loaded.stream().map(Trace::id).toList(), resolved);
        CsvTables.write(out, ReplayRow.TABLE, rows);
        print(rows, o, aligned);
        ReplayRunner.coarse(fits, o.group()).warning(o.group())
                .ifPresent(x -> spec.commandLine().getErr().println("warning: " + data.data + ": " + x));
        return 0;
    }

    private record Summary(String mode, String allocator, int intervals, int lossFree, double lossRateSum, long lost,
            long sent, int withP95, double p95Sum, int timed, double lateSum) {
        Summary add(ReplayRow r) {
            double p95 = r.time().map(t -> t.delayP95Ms().orElse(Double.NaN)).orElse(Double.NaN);
            return new Summary(mode, allocator, intervals + 1, lossFree + (r.result().lossFree() ? 1 : 0),
                    lossRateSum + r.result().lossRate(), lost + r.result().dataLost(), sent + r.result().dataSent(),
                    withP95 + (Double.isNaN(p95) ? 0 : 1), p95Sum + (Double.isNaN(p95) ? 0 : p95),
                    timed + (r.time().isPresent() ? 1 : 0), lateSum + r.time().map(t -> t.lateShare()).orElse(0.0));
        }
    }

    private void print(List<ReplayRow> rows, ReplayOptions o, ReplayOptions.Alignment aligned) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Replayed %d traces as one tunnel (groups of %d, %s, %s intervals, %s): %d rows to %s%n",
                tunnelTraces.traces.size(), o.group(), o.adapting() ? "K adapted to loss " + Numbers.number(o.targetLoss()
                        .getAsDouble()) : "K=" + o.redundancy(),
                Durations.format(o.models().intervalUs().getAsLong() * 1000),
                (aligned == ReplayOptions.Alignment.TIME ? "aligned by time" : "aligned by interval number")
                        + (o.alignment() == ReplayOptions.Alignment.AUTO ? (aligned == ReplayOptions.Alignment.TIME
                                ? " as measured together" : " as not measured together") : ""),
                rows.size(), out);
        Map<String, Summary> s = new LinkedHashMap<>();
        for (ReplayRow r : rows) {
            String key = r.mode().id() + "/" + r.allocator();
            s.merge(key, new Summary(r.mode().id(), r.allocator(), 0, 0, 0, 0, 0, 0, 0, 0, 0).add(r), (a, b) -> a.add(r));
        }
        TerminalTable.print(w, List.of(Column.text("mode", Summary::mode),
                Column.text("allocator", Summary::allocator),
                Column.integer("intervals", "intervals", Summary::intervals),
                Column.formatted("loss-free", "%", x -> String.format(Locale.ROOT, "%.1f%%",
                        100.0 * x.lossFree() / x.intervals())),
                Column.number("mean loss rate", "fraction", x -> x.lossRateSum() / x.intervals()),
                Column.formatted("data lost/sent", "packets", x -> x.lost() + "/" + x.sent()),
                Column.formatted("p95 delay ms", "ms", x -> x.withP95() == 0 ? "-"
                        : Numbers.millis(x.p95Sum() / x.withP95())),
                Column.formatted("lost or late", "%", x -> x.timed() == 0 ? "-"
                        : String.format(Locale.ROOT, "%.3f%%", 100 * x.lateSum() / x.timed()))),
                new ArrayList<>(s.values()));
    }
}
