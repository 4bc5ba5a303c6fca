package org.smarttunnel.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.timeline.Timeline;

/**
 * A tunnel's time series as SVG, three panels over the same time axis: each path's loss rate
 * before FEC and the tunnel's after it (log scale), each path's share of the packets, and the
 * tunnel's p95 delivery delay. Paths keep the colours of the report's allocators' palette.
 */
public final class TimelineChart {
    private static final String TUNNEL = "#000000";
    private static final double FLOOR_EXP = -6;

    private TimelineChart() {
    }

    public static String render(Timeline.Result t) {
        double left = 70;
        double pw = 760;
        double ph = 150;
        double gap = 58;
        double top = 52;
        List<String> traces = t.traces();
        double legendTop = top + 3 * (ph + gap) - 16;
        Svg svg = new Svg(left + pw + 30, legendTop + 18 * (traces.size() + 1) + 10);
        svg.text(10, 22, "Tunnel of " + traces.size() + " paths under " + t.allocator() + " (" + t.mode()
                + "), per interval of " + Durations.format(t.intervalUs() * 1000), 15, "start", true);
        double end = t.rows().stream().mapToDouble(Timeline.Row::startS).max().orElse(0) + t.intervalUs() / 1e6;
        double[] panelTops = {top, top + ph + gap, top + 2 * (ph + gap)};
        // panel 1: loss rates, log scale
        double y0 = panelTops[0];
        svg.text(left, y0 - 6, "loss rate: paths before FEC, tunnel after FEC (log scale; 0 drawn at 1e"
                + (int) FLOOR_EXP + ")", 11, "start", true);
        for (int e = (int) FLOOR_EXP; e <= 0; e++) {
            double y = y0 + ph * (-e) / -FLOOR_EXP;
            svg.line(left, y, left + pw, y, "#ddd", 1, false);
            svg.text(left - 4, y + 4, e == 0 ? "1" : "1e" + e, 10, "end", false);
        }
        for (int p = 0; p < traces.size(); p++) {
            series(svg, t, traces.get(p), traces.get(p), Timeline.Row::pathLossRate, left, pw, y0, ph, end, true, 0,
                    Charts.colour(p));
        }
        series(svg, t, traces.get(0), "tunnel", Timeline.Row::tunnelLossRate, left, pw, y0, ph, end, true, 0, TUNNEL);
        // panel 2: shares
        y0 = panelTops[1];
        svg.text(left, y0 - 6, "share of each group's packets (%)", 11, "start", true);
        for (int v = 0; v <= 100; v += 25) {
            double y = y0 + ph * (100 - v) / 100.0;
            svg.line(left, y, left + pw, y, "#ddd", 1, false);
            svg.text(left - 4, y + 4, Integer.toString(v), 10, "end", false);
        }
        for (int p = 0; p < traces.size(); p++) {
            series(svg, t, traces.get(p), traces.get(p), r -> 100 * r.share(), left, pw, y0, ph, end, false, 100,
                    Charts.colour(p));
        }
        // panel 3: p95 delivery delay
        y0 = panelTops[2];
        svg.text(left, y0 - 6, "p95 delivery delay of the tunnel (ms)", 11, "start", true);
        double most = t.rows().stream().filter(r -> r.delayP95Ms().isPresent())
                .mapToDouble(r -> r.delayP95Ms().getAsDouble()).max().orElse(0);
        double step = Charts.niceStep(most / 4);
        double top3 = Math.max(step, Math.ceil(most / step) * step);
        for (double v = 0; v <= top3 + 1e-9; v += step) {
            double y = y0 + ph * (top3 - v) / top3;
            svg.line(left, y, left + pw, y, "#ddd", 1, false);
            svg.text(left - 4, y + 4, Numbers.number(v), 10, "end", false);
        }
        if (most > 0) {
            series(svg, t, traces.get(0), "tunnel", r -> r.delayP95Ms().orElse(Double.NaN), left, pw, y0, ph, end, false,
                    top3, TUNNEL);
        } else {
            svg.text(left + pw / 2, y0 + ph / 2, "no data (the traces carry no delays)", 12, "middle", false);
        }
        for (double y : panelTops) {
            svg.frame(left, y, pw, ph);
            double tick = Charts.niceStep(end / 8);
            for (double s = 0; s <= end + 1e-9; s += tick) {
                svg.text(left + pw * s / end, y + ph + 14, Numbers.number(s), 10, "middle", false);
            }
            svg.text(left + pw / 2, y + ph + 28, "time from the tunnel's first interval (s)", 10, "middle", false);
        }
        for (int p = 0; p < traces.size(); p++) {
            svg.rect(left, legendTop + 18 * p, 10, 10, Charts.colour(p), null);
            svg.text(left + 14, legendTop + 18 * p + 9, traces.get(p), 11, "start", false);
        }
        svg.rect(left, legendTop + 18 * traces.size(), 10, 10, TUNNEL, null);
        svg.text(left + 14, legendTop + 18 * traces.size() + 9, "tunnel (after FEC)", 11, "start", false);
        return svg.render();
    }

    /** One line of one trace's rows (labelled {@code label}): a point at the middle of every interval, joined where intervals follow. */
    private static void series(Svg svg, Timeline.Result t, String trace, String label, ToDoubleFunction<Timeline.Row> value,
            double left, double pw, double y0, double ph, double end, boolean log, double linearTop, String colour) {
        List<double[]> points = new ArrayList<>();
        for (Timeline.Row r : t.rows()) {
            if (!r.trace().equals(trace)) {
                continue;
            }
            double v = value.applyAsDouble(r);
            if (Double.isNaN(v)) {
                continue;
            }
            double x = left + pw * (r.startS() + t.intervalUs() / 2e6) / end;
            double y = log ? y0 + ph * (-Math.log10(Math.max(v, Math.pow(10, FLOOR_EXP)))) / -FLOOR_EXP
                    : y0 + ph * (linearTop - v) / linearTop;
            points.add(new double[] {x, y});
            svg.circle(x, y, 2.5, colour, String.format(Locale.ROOT, "%s, interval %d: %s", label, r.interval(),
                    Numbers.number(v)));
        }
        if (points.size() > 1) {
            svg.polyline(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1])
                    .toArray(), colour);
        }
    }
}
