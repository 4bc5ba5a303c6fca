package org.smarttunnel.eval.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.ingest.trace.Concurrency;

/**
 * The dataset's traces as tunnel paths: grouped by site and, within a site, by host (sorted
 * by name), each marked low-loss when its whole-trace loss rate is below the limit. Traces
 * without probes are left out.
 */
public final class PathPool {
    /** A trace usable as a path: its labels, counts, class and send-time range (µs). */
    public record PoolTrace(String id, String host, String site, long probes, long lost, boolean low, long firstUs,
            long lastUs) {
        public double lossRate() {
            return probes == 0 ? 0 : (double) lost / probes;
        }

        public Concurrency.Span span() {
            return new Concurrency.Span(id, firstUs, lastUs);
        }
    }

    /** One site's paths: per host (sorted), its low-loss and lossy traces (sorted by id). */
    public record Site(String name, List<String> hosts, List<List<PoolTrace>> low, List<List<PoolTrace>> lossy) {
    }

    private final List<PoolTrace> traces;
    private final List<Site> sites;
    private final double lowLoss;

    private PathPool(List<PoolTrace> traces, List<Site> sites, double lowLoss) {
        this.traces = traces;
        this.sites = sites;
        this.lowLoss = lowLoss;
    }

    public static PathPool of(TraceDataset ds, double lowLoss) {
        List<PoolTrace> all = new ArrayList<>();
        for (TraceSummary t : ds.traces()) {
            if (t.probes() > 0) {
                all.add(new PoolTrace(t.id(), t.info().host(), t.info().site(), t.probes(), t.lost(),
                        t.lost() < lowLoss * t.probes(), t.firstSendUs(), t.lastSendUs()));
            }
        }
        return of(all, lowLoss);
    }

    public static PathPool of(List<PoolTrace> all, double lowLoss) {
        Map<String, Map<String, List<PoolTrace>>> bySite = new TreeMap<>();
        for (PoolTrace t : all) {
            bySite.computeIfAbsent(t.site(), s -> new TreeMap<>()).computeIfAbsent(t.host(), h -> new ArrayList<>())
                    .add(t);
        }
        List<Site> sites = new ArrayList<>();
        bySite.forEach((site, hosts) -> {
            List<String> names = new ArrayList<>(hosts.keySet());
            List<List<PoolTrace>> low = new ArrayList<>();
            List<List<PoolTrace>> lossy = new ArrayList<>();
            for (String h : names) {
                List<PoolTrace> ts = new ArrayList<>(hosts.get(h));
                ts.sort((a, b) -> a.id().compareTo(b.id()));
                low.add(ts.stream().filter(PoolTrace::low).toList());
                lossy.add(ts.stream().filter(t -> !t.low()).toList());
            }
            sites.add(new Site(site, names, low, lossy));
        });
        return new PathPool(List.copyOf(all), sites, lowLoss);
    }

    public List<PoolTrace> traces() {
        return traces;
    }

    public List<Site> sites() {
        return sites;
    }

    public double lowLoss() {
        return lowLoss;
    }

    /** How many traces are low-loss. */
    public long lowCount() {
        return traces.stream().filter(PoolTrace::low).count();
    }

    /** The share of traces that are low-loss: P in the expected loss L_{N,K}. */
    public double lowShare() {
        return traces.isEmpty() ? 0 : (double) lowCount() / traces.size();
    }

    /** Probes sent on all the paths. */
    public long probes() {
        return traces.stream().mapToLong(PoolTrace::probes).sum();
    }

    /** Probes lost on all the paths. */
    public long lost() {
        return traces.stream().mapToLong(PoolTrace::lost).sum();
    }

    public long hostCount() {
        return traces.stream().map(PoolTrace::host).distinct().count();
    }
}
