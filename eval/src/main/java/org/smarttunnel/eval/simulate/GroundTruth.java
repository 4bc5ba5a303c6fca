package org.smarttunnel.eval.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.congestion.CongestionAnalysis;
import org.smarttunnel.ingest.TraceIds;

/**
 * What the simulator did, written beside its output: {@code truth.csv} per path (the drawn
 * parameters, then the realised counts), {@code truth_periods.csv} per path and drift period
 * (the rate the path's own chain ran at, and what it realised, bottleneck drops included) and
 * {@code bottlenecks.csv} per shared bottleneck, and {@code groups_truth.csv}: every path's true
 * group (its bottleneck, or itself), under the trace id {@code import} gives its capture.
 */
public final class GroundTruth {
    /** A simulated path and what it realised. */
    public record PathTruth(int host, int site, String src, String dst, int ident, PathParams params,
            String bottleneck, long probes, long lost, long bottleneckLost) {
    }

    /** One drift period of one path. */
    public record PeriodTruth(int host, int site, int period, long startUs, double lossRate, long probes, long lost) {
    }

    /** A shared bottleneck and how many congestion episodes began during the run. */
    public record BottleneckTruth(Bottleneck bottleneck, long episodes) {
    }

    public static final TableSpec<PathTruth> PATHS = TableSpec.<PathTruth>named("truth.csv")
            .about("simulate: per path, the drawn class and parameters, then the realised counts")
            .column(Column.integer("host", "", PathTruth::host))
            .column(Column.integer("site", "", PathTruth::site))
            .column(Column.text("src", PathTruth::src))
            .column(Column.text("dst", PathTruth::dst))
            .column(Column.integer("ident", "", PathTruth::ident))
            .column(Column.integer("low", "0/1", t -> t.params().low() ? 1 : 0))
            .column(Column.fixed("loss_rate", "fraction", "%.6f", t -> t.params().lossRate()))
            .column(Column.fixed("short_burst", "probes", "%.3f", t -> t.params().bursts().shortMean()))
            .column(Column.fixed("long_share", "fraction", "%.4f", t -> t.params().bursts().longShare()))
            .column(Column.fixed("long_burst", "probes", "%.3f", t -> t.params().bursts().longMean()))
            .column(Column.fixed("mean_burst", "probes", "%.3f", t -> t.params().meanBurst()))
            .column(Column.fixed("base_rtt_ms", "ms", "%.3f", t -> t.params().baseRttNs() / 1e6))
            .column(Column.fixed("queue_ms", "ms", "%.3f", t -> t.params().queueNs() / 1e6))
            .column(Column.fixed("congestion_ms", "ms", "%.3f", t -> t.params().congestionNs() / 1e6))
            .column(Column.text("bottleneck", PathTruth::bottleneck))
            .column(Column.integer("probes", "probes", PathTruth::probes))
            .column(Column.integer("lost", "probes", PathTruth::lost))
            .column(Column.integer("bottleneck_lost", "probes", PathTruth::bottleneckLost))
            .build();

    public static final TableSpec<PeriodTruth> PERIODS = TableSpec.<PeriodTruth>named("truth_periods.csv")
            .about("simulate: per path and drift period, the loss rate its chain ran at and what it realised")
            .column(Column.integer("host", "", PeriodTruth::host))
            .column(Column.integer("site", "", PeriodTruth::site))
            .column(Column.integer("period", "", PeriodTruth::period))
            .column(Column.integer("start_us", "µs since the epoch", PeriodTruth::startUs))
            .column(Column.fixed("loss_rate", "fraction", "%.6f", PeriodTruth::lossRate))
            .column(Column.integer("probes", "probes", PeriodTruth::probes))
            .column(Column.integer("lost", "probes", PeriodTruth::lost))
            .build();

    public static final TableSpec<BottleneckTruth> BOTTLENECKS = TableSpec.<BottleneckTruth>named("bottlenecks.csv")
            .about("simulate: per shared bottleneck, its sites, hosts, loss and congestion episodes")
            .column(Column.text("bottleneck", b -> b.bottleneck().id()))
            .column(Column.integer("site", "", b -> b.bottleneck().site()))
            .column(Column.text("hosts", b -> String.join(";", b.bottleneck().hosts().stream().map(String::valueOf)
                    .toList())))
            .column(Column.fixed("loss_rate", "fraction", "%.6f", b -> b.bottleneck().lossRate()))
            .column(Column.fixed("mean_episode_ms", "ms", "%.3f", b -> b.bottleneck().meanEpisodeNs() / 1e6))
            .column(Column.fixed("episode_loss", "probability", "%.3f", b -> b.bottleneck().episodeLoss()))
            .column(Column.integer("episodes", "episodes", BottleneckTruth::episodes))
            .build();

    private final Topology world;
    private final List<CongestionAnalysis.TruthRow> groups = new ArrayList<>();
    private final List<PathTruth> paths = new ArrayList<>();
    private final List<PeriodTruth> periods = new ArrayList<>();

    public GroundTruth(Topology world) {
        this.world = world;
    }

    /** Records a path once its process has run to the end. */
    public void add(int host, int site, PathProcess p) {
        Bottleneck b = p.bottleneck();
        String src = Topology.dotted(Topology.hostAddress(host));
        String dst = Topology.dotted(Topology.siteAddress(site));
        paths.add(new PathTruth(host, site, src, dst, Topology.ident(site), p.params(), b == null ? "" : b.id(),
                p.probes(), p.lost(), p.bottleneckLost()));
        String trace = TraceIds.of(src, dst, String.valueOf(Topology.ident(site)));
        groups.add(new CongestionAnalysis.TruthRow(trace, b == null ? trace : b.id()));
        SimulationOptions o = world.options();
        for (int j = 0; j < o.periods(); j++) {
            periods.add(new PeriodTruth(host, site, j, (o.startNs() + j * o.driftPeriodNs()) / 1000, p.rate(j),
                    p.periodProbes(j), p.periodLost(j)));
        }
    }

    public List<PathTruth> paths() {
        return List.copyOf(paths);
    }

    public void write(Path dir) throws IOException {
        CsvTables.write(dir.resolve(PATHS.name()), PATHS, paths);
        CsvTables.write(dir.resolve(PERIODS.name()), PERIODS, periods);
        SimulationOptions o = world.options();
        List<BottleneckTruth> links = new ArrayList<>();
        for (Bottleneck b : world.bottlenecks()) {
            links.add(new BottleneckTruth(b, b.episodes(o.startNs(), o.startNs() + o.durationNs())));
        }
        CsvTables.write(dir.resolve(BOTTLENECKS.name()), BOTTLENECKS, links);
        CsvTables.write(dir.resolve(CongestionAnalysis.TRUTH.name()), CongestionAnalysis.TRUTH, groups);
    }
}
