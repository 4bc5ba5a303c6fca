package org.smarttunnel.eval.experiment;

import java.util.List;

/** Run {@code run} of cell (N, G): N traces to one site from N different hosts, G of them low-loss, in host order. */
public record Combination(int n, int g, int run, String site, List<PathPool.PoolTrace> traces) {
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
