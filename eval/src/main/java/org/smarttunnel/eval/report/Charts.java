package org.smarttunnel.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocator;

/**
 * The report's charts as standalone SVG (they open offline in any browser and render on
 * code hosts): loss-free intervals per allocator and K, one panel per N and mode; and the mean
 * loss rate after FEC against G, one panel per N and K, on a log scale; loss-free intervals
 * against the share of data lost or late, one panel per mode. Allocators keep one colour in
 * every chart.
 */
public final class Charts {
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#7570b3"};
    private static final double BAR = 9;
    private static final double GROUP_GAP = 14;
    private static final double FLOOR = 1e-6;
    /** Wide enough for the titles and a legend row of four allocators. */
    private static final double MIN_WIDTH = 820;

    private Charts() {
    }

    static String colour(int allocator) {
        return PALETTE[allocator % PALETTE.length];
    }

    /** Probability of a loss-free interval (Table II's measure) per N, K, mode and allocator. */
    public static String lossFree(Tables t) {
        ExperimentOptions o = t.options();
        List<Allocator> allocators = o.allocators();
        List<FitMode> modes = o.modeOrder();
        double groupWidth = allocators.size() * BAR + GROUP_GAP;
        double panelWidth = 50 + o.redundancies().size() * groupWidth;
        double panelHeight = 200;
        double top = 40;
        double width = 20 + o.paths().size() * (panelWidth + 10);
        double legendTop = top + modes.size() * (panelHeight + 50);
        Svg svg = new Svg(Math.max(width, MIN_WIDTH), legendTop + 20 + 16 * ((allocators.size() + 3) / 4));
        svg.text(10, 22, "Loss-free intervals (%) over random N-path tunnels, groups of " + o.group() + " packets", 15, "start", true);
        double low = 0;
        double step = 20;
        for (int mi = 0; mi < modes.size(); mi++) {
            FitMode m = modes.get(mi);
            double y0 = top + mi * (panelHeight + 50);
            for (int ni = 0; ni < o.paths().size(); ni++) {
                int n = o.paths().get(ni);
                double x0 = 20 + ni * (panelWidth + 10);
                double px = x0 + 40;
                double pw = panelWidth - 45;
                svg.text(x0 + panelWidth / 2, y0 + 12, m.id() + ", N = " + n, 12, "middle", true);
                double plotTop = y0 + 20;
                double plotHeight = panelHeight - 40;
                svg.verticalText(x0 + 8, plotTop + plotHeight / 2, "loss-free intervals (%)", 10);
                svg.text(px + pw / 2, plotTop + plotHeight + 28, "K, redundant packets per group", 10, "middle", false);
                boolean any = false;
                for (double v = low; v <= 100 + 1e-9; v += step) {
                    double y = plotTop + plotHeight * (100 - v) / (100 - low);
                    svg.line(px, y, px + pw, y, "#ddd", 1, false);
                    svg.text(px - 4, y + 4, String.format(Locale.ROOT, "%.0f", v), 10, "end", false);
                }
                for (int ki = 0; ki < o.redundancies().size(); ki++) {
                    int k = o.redundancies().get(ki);
                    double gx = px + 6 + ki * groupWidth;
                    for (int ai = 0; ai < allocators.size(); ai++) {
                        Allocator a = allocators.get(ai);
                        OptionalDouble p = t.lossFreeProbability(n, k, m, a.id());
                        double bx = gx + ai * BAR;
                        if (p.isEmpty()) {
                            svg.text(bx + BAR / 2, plotTop + plotHeight - 3, "-", 9, "middle", false);
                            continue;
                        }
                        any = true;
                        double v = 100 * p.getAsDouble();
                        double h = plotHeight * Math.max(0, v - low) / (100 - low);
                        svg.rect(bx, plotTop + plotHeight - h, BAR - 1, h, colour(ai), String.format(Locale.ROOT,
                                "%s, %s, N=%d, K=%d: %.2f%%", a.id(), m.id(), n, k, v));
                    }
                    svg.text(gx + allocators.size() * BAR / 2, plotTop + plotHeight + 14, "K=" + k, 11, "middle",
                            false);
                }
                if (!any) {
                    svg.text(px + pw / 2, plotTop + plotHeight / 2, "no data", 12, "middle", false);
                }
                svg.frame(px, plotTop, pw, plotHeight);
            }
        }
        legend(svg, allocators, 20, legendTop);
        return svg.render();
    }

    /** Mean loss rate after FEC against G for one mode: a panel per (N, K), log scale, allocators as lines. */
    public static String lossRateByG(Tables t, FitMode mode) {
        ExperimentOptions o = t.options();
        List<Allocator> allocators = o.allocators();
        double pw = 230;
        double ph = 160;
        double top = 48;
        double left = 60;
        double width = left + o.redundancies().size() * (pw + 20) + 10;
        double legendTop = top + o.paths().size() * (ph + 55) + 12;
        Svg svg = new Svg(Math.max(width, MIN_WIDTH), legendTop + 20 + 16 * ((allocators.size() + 3) / 4));
        svg.text(10, 22, "Mean loss rate after FEC by number of low-loss paths G (" + mode.id() + ", groups of "
                + o.group() + " packets)", 15, "start", true);
        double minValue = Double.POSITIVE_INFINITY;
        for (int n : o.paths()) {
            for (int k : o.redundancies()) {
                for (int g = 0; g <= n; g++) {
                    for (Allocator a : allocators) {
                        Optional<Tables.Stat> s = t.stat(n, k, g, mode, a.id());
                        if (s.isPresent() && s.get().meanLossRate() > 0) {
                            minValue = Math.min(minValue, s.get().meanLossRate());
                        }
                    }
                }
            }
        }
        int lowExp = Double.isInfinite(minValue) ? (int) Math.log10(FLOOR)
                : (int) Math.min(-1, Math.max(Math.log10(FLOOR), Math.floor(Math.log10(minValue))));
        for (int ni = 0; ni < o.paths().size(); ni++) {
            int n = o.paths().get(ni);
            for (int ki = 0; ki < o.redundancies().size(); ki++) {
                int k = o.redundancies().get(ki);
                double x0 = left + ki * (pw + 20);
                double y0 = top + ni * (ph + 55);
                svg.text(x0 + pw / 2, y0 + 12, "N = " + n + ", K = " + k, 12, "middle", true);
                double plotTop = y0 + 18;
                for (int e = lowExp; e <= 0; e++) {
                    double y = plotTop + ph * (-e) / (double) (-lowExp);
                    svg.line(x0, y, x0 + pw, y, "#ddd", 1, false);
                    if (ki == 0) {
                        svg.text(x0 - 4, y + 4, e == 0 ? "1" : "1e" + e, 10, "end", false);
                    }
                }
                for (int g = 0; g <= n; g++) {
                    svg.text(gx(x0, pw, g, n), plotTop + ph + 14, "G=" + g, 10, "middle", false);
                }
                svg.text(x0 + pw / 2, plotTop + ph + 28, "G, low-loss paths of the " + n, 10, "middle", false);
                boolean any = false;
                for (int ai = 0; ai < allocators.size(); ai++) {
                    Allocator a = allocators.get(ai);
                    double[] xs = new double[n + 1];
                    double[] ys = new double[n + 1];
                    int points = 0;
                    for (int g = 0; g <= n; g++) {
                        Optional<Tables.Stat> s = t.stat(n, k, g, mode, a.id());
                        if (s.isEmpty()) {
                            continue;
                        }
                        any = true;
                        double v = s.get().meanLossRate();
                        double e = Math.log10(Math.max(v, Math.pow(10, lowExp)));
                        xs[points] = gx(x0, pw, g, n);
                        ys[points] = plotTop + ph * (-e) / (-lowExp);
                        svg.circle(xs[points], ys[points], 2.5, colour(ai), String.format(Locale.ROOT,
                                "%s, N=%d, K=%d, G=%d: %s", a.id(), n, k, g, v == 0 ? "0" : String.format(Locale.ROOT,
                                        "%.3g", v)));
                        points++;
                    }
                    if (points > 1) {
                        svg.polyline(java.util.Arrays.copyOf(xs, points), java.util.Arrays.copyOf(ys, points),
                                colour(ai));
                    }
                }
                if (!any) {
                    svg.text(x0 + pw / 2, plotTop + ph / 2, "no data", 12, "middle", false);
                }
                svg.frame(x0, plotTop, pw, ph);
            }
        }
        svg.text(10, 36, "y: mean loss rate after FEC, the fraction of data packets lost (log scale; 0 drawn at 1e"
                + lowExp + "); x: G, the low-loss paths among the N", 10, "start", false);
        for (int ni = 0; ni < o.paths().size(); ni++) {
            svg.verticalText(16, top + ni * (ph + 55) + 18 + ph / 2, "loss rate (log)", 10);
        }
        legend(svg, allocators, left, legendTop);
        return svg.render();
    }

    /**
     * Loss against time: per mode a panel of the share of data packets lost or late (x) and the
     * share of loss-free intervals (y), both over random N-path tunnels (Table II's weighting), a
     * point per allocator and (N, K). Up and to the left is better on both.
     */
    public static String tradeoff(Tables t) {
        ExperimentOptions o = t.options();
        List<Allocator> allocators = o.allocators();
        List<FitMode> modes = o.modeOrder();
        double pw = 330;
        double ph = 240;
        double top = 58;
        double left = 60;
        double legendTop = top + ph + 62;
        Svg svg = new Svg(Math.max(left + modes.size() * (pw + 70), MIN_WIDTH), legendTop + 20 + 16
                * ((allocators.size() + 3) / 4));
        svg.text(10, 22, "Loss against lateness over random N-path tunnels (groups of " + o.group() + " packets, "
                + "deadline " + Durations.format(o.replay().deadlineUs() * 1000) + ")", 15, "start", true);
        svg.text(10, 38, "a point per allocator and (N, K); up and to the left is better", 10, "start", false);
        double most = 0;
        for (FitMode m : modes) {
            for (int n : o.paths()) {
                for (int k : o.redundancies()) {
                    for (Allocator a : allocators) {
                        OptionalDouble late = t.weightedTime(n, k, m, a.id(), Tables.Stat::lateShare);
                        if (late.isPresent()) {
                            most = Math.max(most, 100 * late.getAsDouble());
                        }
                    }
                }
            }
        }
        double step = niceStep(most / 5);
        double xMax = Math.max(step, Math.ceil(most / step) * step);
        for (int mi = 0; mi < modes.size(); mi++) {
            FitMode m = modes.get(mi);
            double x0 = left + mi * (pw + 70);
            svg.text(x0 + pw / 2, top - 6, m.id(), 12, "middle", true);
            for (double v = 0; v <= 100 + 1e-9; v += 20) {
                double y = top + ph * (100 - v) / 100;
                svg.line(x0, y, x0 + pw, y, "#ddd", 1, false);
                svg.text(x0 - 4, y + 4, String.format(Locale.ROOT, "%.0f", v), 10, "end", false);
            }
            for (double v = 0; v <= xMax + 1e-9; v += step) {
                double x = x0 + pw * v / xMax;
                svg.line(x, top, x, top + ph, "#eee", 1, false);
                svg.text(x, top + ph + 14, Numbers.number(v), 10, "middle", false);
            }
            svg.text(x0 + pw / 2, top + ph + 30, "data packets lost or late (%)", 10, "middle", false);
            svg.verticalText(x0 - 36, top + ph / 2, "loss-free intervals (%)", 10);
            boolean any = false;
            for (int ai = 0; ai < allocators.size(); ai++) {
                Allocator a = allocators.get(ai);
                for (int n : o.paths()) {
                    for (int k : o.redundancies()) {
                        OptionalDouble late = t.weightedTime(n, k, m, a.id(), Tables.Stat::lateShare);
                        OptionalDouble free = t.lossFreeProbability(n, k, m, a.id());
                        if (late.isEmpty() || free.isEmpty()) {
                            continue;
                        }
                        any = true;
                        svg.circle(x0 + pw * 100 * late.getAsDouble() / xMax, top + ph * (1 - free.getAsDouble()),
                                3.5, colour(ai), String.format(Locale.ROOT, "%s, N=%d, K=%d: %.3f%% lost or late, "
                                        + "%.2f%% loss-free", a.id(), n, k, 100 * late.getAsDouble(),
                                        100 * free.getAsDouble()));
                    }
                }
            }
            if (!any) {
                svg.text(x0 + pw / 2, top + ph / 2, "no data (the traces carry no delays)", 12, "middle", false);
            }
            svg.frame(x0, top, pw, ph);
        }
        legend(svg, allocators, left, legendTop);
        return svg.render();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p >= rough) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static double gx(double x0, double pw, int g, int n) {
        return n == 0 ? x0 + pw / 2 : x0 + 15 + (pw - 30) * g / n;
    }

    private static void legend(Svg svg, List<Allocator> allocators, double x, double y) {
        for (int i = 0; i < allocators.size(); i++) {
            double lx = x + (i % 4) * 180;
            double ly = y + (i / 4) * 16;
            svg.rect(lx, ly, 10, 10, colour(i), null);
            svg.text(lx + 14, ly + 9, allocators.get(i).id(), 11, "start", false);
        }
    }
}
