package org.smarttunnel.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smarttunnel.eval.sweep.Grid;

/**
 * The headline of a sweep against one swept option: per mode a panel, per allocator a line of
 * the probability of a loss-free interval over random N-path tunnels (Table II), averaged over
 * the point's N and K and over the points sharing the option's value.
 */
public final class SweepChart {
    private static final double PANEL_W = 360;
    private static final double PANEL_H = 220;

    /** One point's Table II row: mode, allocator and the probability (NaN when empty). */
    public record Value(int point, String mode, String allocator, double probability) {
    }

    private SweepChart() {
    }

    public static String of(Grid grid, Grid.Axis axis, List<Value> values) {
        List<String> modes = values.stream().map(Value::mode).distinct().toList();
        List<String> allocators = values.stream().map(Value::allocator).distinct().toList();
        Map<Integer, String> valueOf = new LinkedHashMap<>();
        for (Grid.Point p : grid.points()) {
            valueOf.put(p.number(), p.values().get(axis.option()));
        }
        double left = 60;
        double top = 60;
        Svg svg = new Svg(Math.max(820, left + modes.size() * (PANEL_W + 40)), top + PANEL_H + 70
                + 16 * ((allocators.size() + 3) / 4));
        svg.text(10, 22, "Probability of a loss-free interval (Table II) against --" + axis.option(), 15, "start",
                true);
        svg.text(10, 40, "averaged over the point's N and K, and over the points with the same --" + axis.option()
                + "; other options as the grid sets them", 10, "start", false);
        for (int mi = 0; mi < modes.size(); mi++) {
            String mode = modes.get(mi);
            double x0 = left + mi * (PANEL_W + 40);
            svg.text(x0 + PANEL_W / 2, top - 6, mode, 12, "middle", true);
            for (int t = 0; t <= 4; t++) {
                double y = top + PANEL_H * (4 - t) / 4.0;
                svg.line(x0, y, x0 + PANEL_W, y, "#e5e5e5", 1, false);
                if (mi == 0) {
                    svg.text(x0 - 4, y + 4, String.format(Locale.ROOT, "%.2f", t / 4.0), 10, "end", false);
                }
            }
            List<String> xs = axis.values();
            for (int i = 0; i < xs.size(); i++) {
                svg.text(x(x0, i, xs.size()), top + PANEL_H + 14, xs.get(i), 10, "middle", false);
            }
            svg.text(x0 + PANEL_W / 2, top + PANEL_H + 30, "--" + axis.option(), 10, "middle", false);
            for (int ai = 0; ai < allocators.size(); ai++) {
                String a = allocators.get(ai);
                List<Double> px = new ArrayList<>();
                List<Double> py = new ArrayList<>();
                for (int i = 0; i < xs.size(); i++) {
                    String v = xs.get(i);
                    double sum = 0;
                    int n = 0;
                    for (Value val : values) {
                        if (val.mode().equals(mode) && val.allocator().equals(a) && v.equals(valueOf.get(val.point()))
                                && !Double.isNaN(val.probability())) {
                            sum += val.probability();
                            n++;
                        }
                    }
                    if (n > 0) {
                        double p = sum / n;
                        px.add(x(x0, i, xs.size()));
                        py.add(top + PANEL_H * (1 - p));
                        svg.circle(px.get(px.size() - 1), py.get(py.size() - 1), 2.5, Charts.colour(ai),
                                String.format(Locale.ROOT, "%s, %s, --%s %s: %.4f", a, mode, axis.option(), v, p));
                    }
                }
                if (px.size() > 1) {
                    svg.polyline(px.stream().mapToDouble(Double::doubleValue).toArray(),
                            py.stream().mapToDouble(Double::doubleValue).toArray(), Charts.colour(ai));
                }
            }
            svg.frame(x0, top, PANEL_W, PANEL_H);
        }
        double ly = top + PANEL_H + 52;
        for (int ai = 0; ai < allocators.size(); ai++) {
            double lx = left + (ai % 4) * 180;
            double y = ly + 16 * (ai / 4);
            svg.line(lx, y - 4, lx + 14, y - 4, Charts.colour(ai), 2, false);
            svg.text(lx + 18, y, allocators.get(ai), 11, "start", false);
        }
        return svg.render();
    }

    private static double x(double x0, int i, int n) {
        return x0 + PANEL_W * (i + 0.5) / n;
    }
}
