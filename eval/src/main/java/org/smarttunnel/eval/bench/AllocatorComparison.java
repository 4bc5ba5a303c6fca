package org.smarttunnel.eval.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.simulate.PathParams;
import org.smarttunnel.eval.simulate.Population;
import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.alloc.AllocationRequest;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.FecAdaptation;

/**
 * Allocators compared by the exact expected data loss after FEC of the schedules they choose,
 * on path sets drawn from the simulator's population (78.5% below 2% loss, bursty), models
 * known exactly. Per N and allocator: the median expected loss rate, how often it is the best
 * of all, how often worse than round robin.
 */
public final class AllocatorComparison {
    /** The printed table. */
    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("allocators compared")
            .column(Column.integer("N", "paths", Row::paths))
            .column(Column.text("allocator", Row::allocator))
            .column(Column.fixed("median loss rate", "fraction", "%.3e", Row::medianLossRate))
            .column(Column.formatted("best", "%", r -> String.format(Locale.ROOT, "%.1f%%", 100 * r.bestShare())))
            .column(Column.formatted("worse than rr", "%", r -> Double.isNaN(r.worseThanRrShare()) ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * r.worseThanRrShare())))
            .build();

    /** One allocator at one N. */
    public record Row(int paths, String allocator, double medianLossRate, double bestShare, double worseThanRrShare) {
    }

    /** Hosts per site of the population drawn from: path i of set s is host i's path to site s. */
    private static final int HOSTS = 200;

    private AllocatorComparison() {
    }

    public static List<Row> compare(List<Allocator> allocators, List<Integer> pathCounts, int sets, int group,
            int redundancy, long seed, int emax) {
        DelayProfile none = new DelayProfile(Double.NaN, Double.NaN, DelayProfile.DEFAULT_PERIOD_US, new double[0],
                new double[0]);
        List<Row> rows = new ArrayList<>();
        for (int n : pathCounts) {
            Population population = new Population(seed + 1000L * n, HOSTS);
            double[][] loss = new double[allocators.size()][sets];
            for (int s = 0; s < sets; s++) {
                List<PathModel> paths = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    PathParams p = population.path(i + 1, s + 1);
                    paths.add(new PathModel(p.model(p.lossRate()), none));
                }
                AllocationRequest req = new AllocationRequest(paths, group, redundancy, null, s, emax);
                for (int a = 0; a < allocators.size(); a++) {
                    Allocation al = allocators.get(a).allocate(req);
                    loss[a][s] = FecAdaptation.predictedLossRate(req, al);
                }
            }
            int rr = indexOf(allocators, "rr");
            for (int a = 0; a < allocators.size(); a++) {
                int best = 0;
                int worse = 0;
                for (int s = 0; s < sets; s++) {
                    double min = Double.POSITIVE_INFINITY;
                    for (double[] l : loss) {
                        min = Math.min(min, l[s]);
                    }
                    if (loss[a][s] <= min * (1 + 1e-9)) {
                        best++;
                    }
                    if (rr >= 0 && loss[a][s] > loss[rr][s] * (1 + 1e-9)) {
                        worse++;
                    }
                }
                double[] sorted = loss[a].clone();
                Arrays.sort(sorted);
                rows.add(new Row(n, allocators.get(a).id(), sorted[sets / 2], (double) best / sets,
                        rr < 0 ? Double.NaN : (double) worse / sets));
            }
        }
        return rows;
    }

    private static int indexOf(List<Allocator> allocators, String id) {
        for (int i = 0; i < allocators.size(); i++) {
            if (allocators.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
