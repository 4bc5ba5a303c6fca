package org.smarttunnel.eval.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smarttunnel.ingest.AtomicFiles;

/**
 * What the simulator did, written beside its output:
 * <ul>
 * <li>{@code truth.csv}, per path: {@code host,site,src,dst,ident,low,loss_rate,short_burst,
 * long_share,long_burst,mean_burst,base_rtt_ms,queue_ms,bottleneck,probes,lost,bottleneck_lost}
 * (the drawn parameters, then the realised counts);</li>
 * <li>{@code truth_periods.csv}, per path and drift period:
 * {@code host,site,period,start_us,loss_rate,probes,lost} (the rate the path's own chain ran
 * at, and what it realised, bottleneck drops included);</li>
 * <li>{@code bottlenecks.csv}, per shared bottleneck:
 * {@code bottleneck,site,hosts,loss_rate,mean_episode_ms,episode_loss,episodes}.</li>
 * </ul>
 */
public final class GroundTruth {
    public static final String PATHS = "truth.csv";
    public static final String PERIODS = "truth_periods.csv";
    public static final String BOTTLENECKS = "bottlenecks.csv";

    /** A simulated path and what it realised. */
    public record PathTruth(int host, int site, String src, String dst, int ident, PathParams params,
            String bottleneck, long probes, long lost, long bottleneckLost) {
    }

    private final Topology world;
    private final List<PathTruth> paths = new ArrayList<>();
    private final List<String> periods = new ArrayList<>();

    public GroundTruth(Topology world) {
        this.world = world;
    }

    /** Records a path once its process has run to the end. */
    public void add(int host, int site, PathProcess p) {
        Bottleneck b = p.bottleneck();
        paths.add(new PathTruth(host, site, Topology.dotted(Topology.hostAddress(host)),
                Topology.dotted(Topology.siteAddress(site)), Topology.ident(site), p.params(), b == null ? "" : b.id(),
                p.probes(), p.lost(), p.bottleneckLost()));
        SimulationOptions o = world.options();
        for (int j = 0; j < o.periods(); j++) {
            periods.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6f,%d,%d", host, site, j,
                    (o.startNs() + j * o.driftPeriodNs()) / 1000, p.rate(j), p.periodProbes(j), p.periodLost(j)));
        }
    }

    public List<PathTruth> paths() {
        return List.copyOf(paths);
    }

    public void write(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (PathTruth t : paths) {
            PathParams p = t.params();
            BurstLaw b = p.bursts();
            rows.add(String.format(Locale.ROOT, "%d,%d,%s,%s,%d,%d,%.6f,%.3f,%.4f,%.3f,%.3f,%.3f,%.3f,%s,%d,%d,%d",
                    t.host(), t.site(), t.src(), t.dst(), t.ident(), p.low() ? 1 : 0, p.lossRate(), b.shortMean(),
                    b.longShare(), b.longMean(), p.meanBurst(), p.baseRttNs() / 1e6, p.queueNs() / 1e6, t.bottleneck(),
                    t.probes(), t.lost(), t.bottleneckLost()));
        }
        AtomicFiles.writeLines(dir.resolve(PATHS), "host,site,src,dst,ident,low,loss_rate,short_burst,long_share,"
                + "long_burst,mean_burst,base_rtt_ms,queue_ms,bottleneck,probes,lost,bottleneck_lost", rows);
        AtomicFiles.writeLines(dir.resolve(PERIODS), "host,site,period,start_us,loss_rate,probes,lost", periods);
        List<String> links = new ArrayList<>();
        SimulationOptions o = world.options();
        for (Bottleneck b : world.bottlenecks()) {
            links.add(String.format(Locale.ROOT, "%s,%d,%s,%.6f,%.3f,%.3f,%d", b.id(), b.site(),
                    String.join(";", b.hosts().stream().map(String::valueOf).toList()), b.lossRate(),
                    b.meanEpisodeNs() / 1e6, b.episodeLoss(), b.episodes(o.startNs(), o.startNs() + o.durationNs())));
        }
        AtomicFiles.writeLines(dir.resolve(BOTTLENECKS),
                "bottleneck,site,hosts,loss_rate,mean_episode_ms,episode_loss,episodes", links);
    }
}
