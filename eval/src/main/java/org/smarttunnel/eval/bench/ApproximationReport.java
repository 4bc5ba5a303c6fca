package org.smarttunnel.eval.bench;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.stats.ExactFec;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.fitting.stats.GroupLoss;
import org.smarttunnel.fitting.stats.Moments;
import org.smarttunnel.fitting.stats.NormalApproximation;

/**
 * Exact X_FEC against the paper's normal approximation X~ over a grid: identical paths with
 * the given loss rate and mean burst, slots dealt round robin, R = G / 5.
 */
public final class ApproximationReport {
    /** The printed table; K is the redundant packets of a group. */
    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("approximation")
            .column(Column.fixed("burst", "probes", "%.1f", Row::burst))
            .column(Column.fixed("loss", "fraction", "%.3f", Row::loss))
            .column(Column.integer("N", "paths", Row::paths))
            .column(Column.integer("group", "packets", Row::groupSize))
            .column(Column.integer("K", "packets", Row::redundancy))
            .column(Column.fixed("exact", "packets", "%.3e", Row::exact))
            .column(Column.formatted("normal", "packets", Row::normalText))
            .column(Column.fixed("log10(normal/exact)", "", "%+.3f", Row::log10Ratio))
            .build();

    /** One point of the grid. */
    public record Row(double loss, double burst, int paths, int groupSize, int redundancy, double exact,
            double logNormal) {
        /** log10(normal / exact), kept where X~ itself is below what a double holds. */
        public double log10Ratio() {
            return (logNormal - Math.log(exact)) / Math.log(10);
        }

        /** X~ as text, in powers of ten where it underflows. */
        public String normalText() {
            double v = Math.exp(logNormal);
            return v > 1e-300 ? String.format(java.util.Locale.ROOT, "%.3e", v)
                    : String.format(java.util.Locale.ROOT, "1e%.1f", logNormal / Math.log(10));
        }
    }

    private ApproximationReport() {
    }

    public static List<Row> grid(List<Double> losses, List<Double> bursts, List<Integer> paths, List<Integer> groups) {
        int maxGroup = groups.stream().mapToInt(Integer::intValue).max().orElse(40);
        ExactFec exact = new ExactFec(maxGroup, 2);
        List<Row> rows = new ArrayList<>();
        for (double burst : bursts) {
            for (double loss : losses) {
                double q1 = 1 - 1 / burst;
                GilbertModel m = burst == 1 ? GilbertModel.of(loss) : GilbertModel.of(loss * (1 - q1) / (1 - loss), q1);
                for (int n : paths) {
                    for (int g : groups) {
                        List<GilbertModel> models = new ArrayList<>();
                        for (int p = 0; p < n; p++) {
                            models.add(m);
                        }
                        int[] slots = new int[g];
                        for (int j = 0; j < g; j++) {
                            slots[j] = j % n;
                        }
                        GroupLayout layout = new GroupLayout(g - g / 5, slots, n);
                        Moments mo = GroupLoss.moments(models, layout);
                        rows.add(new Row(loss, burst, n, g, g / 5, exact.expectedLostAfterFec(models, layout),
                                NormalApproximation.logExpectedLoss(mo.meanX(), mo.sdX(), mo.meanY(), mo.sdY(),
                                        layout.data(), layout.redundancy())));
                    }
                }
            }
        }
        return rows;
    }
}
