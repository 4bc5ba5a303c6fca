package org.smarttunnel.eval.experiment;

import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;

/** Run {@code run} of cell (N, G): N traces to one site from N different hosts, G of them low-loss, in host order. */
public record Combination(int n, int g, int run, String site, List<PathPool.PoolTrace> traces) {
    /** {@code combinations.csv}: the tunnels drawn. */
    public static final TableSpec<Combination> TABLE = TableSpec.<Combination>named("combinations.csv")
            .about("evaluate: the tunnels drawn per cell (N, G)")
            .column(Column.integer("n_paths", "paths", Combination::n))
            .column(Column.integer("g", "paths", Combination::g))
            .column(Column.integer("run", "", Combination::run))
            .column(Column.text("site", Combination::site))
            .column(Column.text("hosts", c -> String.join(";", c.hosts())))
            .column(Column.text("traces", c -> String.join(";", c.ids())))
            .build();

    public Combination {
        traces = List.copyOf(traces);
        if (traces.size() != n) {
            throw new IllegalArgumentException("a combination of " + n + " paths holds " + traces.size());
        }
    }

    public List<String> ids() {
        return traces.stream().map(PathPool.PoolTrace::id).toList();
    }

    public List<String> hosts() {
        return traces.stream().map(PathPool.PoolTrace::host).toList();
    }
}
