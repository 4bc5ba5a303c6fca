package org.smarttunnel.eval.experiment;

import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * Run {@code run} of cell (N, G): N traces to one site from N different hosts, G of them
 * low-loss, in host order, and how their intervals line up (by time when they were measured
 * together and the experiment asks for it, by interval number otherwise).
 */
public record Combination(int n, int g, int run, String site, List<PathPool.PoolTrace> traces,
        ReplayOptions.Alignment alignment) {
    /** {@code combinations.csv}: the tunnels drawn. */
    public static final TableSpec<Combination> TABLE = TableSpec.<Combination>named("combinations.csv")
            .about("evaluate: the tunnels drawn per cell (N, G)")
            .column(Column.integer("n_paths", "paths", Combination::n))
            .column(Column.integer("g", "paths", Combination::g))
            .column(Column.integer("run", "", Combination::run))
            .column(Column.text("site", Combination::site))
            .column(Column.text("hosts", c -> String.join(";", c.hosts())))
            .column(Column.text("traces", c -> String.join(";", c.ids())))
            .column(Column.text("alignment", c -> c.alignment().id()))
            .build();

    public Combination(int n, int g, int run, String site, List<PathPool.PoolTrace> traces) {
        this(n, g, run, site, traces, ReplayOptions.Alignment.INTERVAL);
    }

    public Combination {
        if (alignment == ReplayOptions.Alignment.AUTO) {
            throw new IllegalArgumentException("a combination's alignment is resolved: interval or time");
        }
        traces = List.copyOf(traces);
        if (traces.size() != n) {
            throw new IllegalArgumentException("a combination of " + n + " paths holds " + traces.size());
        }
    }

    public List<String> ids() {
        return traces.stream().map(PathPool.PoolTrace::id).toList();
    }

    /** The same tunnel aligned as given. */
    public Combination aligned(ReplayOptions.Alignment a) {
        return new Combination(n, g, run, site, traces, a);
    }

    /** Where time-aligned intervals start: the latest first send. */
    public long originUs() {
        return Concurrency.origin(traces.stream().map(PathPool.PoolTrace::span).toList());
    }

    public List<String> hosts() {
        return traces.stream().map(PathPool.PoolTrace::host).toList();
    }
}
