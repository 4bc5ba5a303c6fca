package org.smarttunnel.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.model.RunLengths;

/**
 * Burst and gap histograms in report form: per trace an SVG of two panels (loss bursts, reception
 * gaps), the observed share of runs per length bin as grey bars and each fitted model's share as
 * a coloured line, on a log scale; and {@code histograms.md}, a page with every trace's
 * distances and its chart.
 */
public final class RunLengthCharts {
    private static final String[] NAMES = {"Bernoulli", "Gilbert", "extended Gilbert", "Gilbert-Elliott"};
    private static final double PANEL_W = 380;
    private static final double PANEL_H = 200;
    private static final int LOWEST_EXPONENT = -6;

    private RunLengthCharts() {
    }

    /** The file name of a trace's chart: its id with anything but letters, digits, '.', '-', '_' as '_'. */
    public static String fileName(String trace) {
        return trace.replaceAll("[^A-Za-z0-9._-]", "_") + ".svg";
    }

    /** Writes every trace's chart and the page into {@code dir} (created if missing). */
    public static void write(Path dir, List<RunLengths.Result> results, String source) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# Burst and gap lengths\n\n");
        md.append("Traces of ").append(source).append(", each fitted whole by every model. Distance: total variation ")
                .append("(0-1) between the observed shares of runs per length bin and the model's; B = Bernoulli, ")
                .append("G = Gilbert, EG = extended Gilbert, GE = Gilbert-Elliott.\n\n");
        md.append("| trace | bursts | burst B / G / EG / GE | gaps | gap B / G / EG / GE |\n|---|---:|---|---:|---|\n");
        for (RunLengths.Result r : results) {
            md.append("| ").append(r.trace()).append(" | ").append(r.bursts()).append(" | ")
                    .append(distances(r.burstDistance())).append(" | ").append(r.gaps()).append(" | ")
                    .append(distances(r.gapDistance())).append(" |\n");
        }
        for (RunLengths.Result r : results) {
            String file = fileName(r.trace());
            AtomicFiles.write(dir.resolve(file), w -> w.write(chart(r)));
            md.append("\n## ").append(r.trace()).append("\n\n![burst and gap lengths of ").append(r.trace())
                    .append("](").append(file).append(")\n");
        }
        AtomicFiles.write(dir.resolve("histograms.md"), w -> w.write(md.toString()));
    }

    /** Distances as "0.012 / 0.003 / - / 0.004". */
    public static String distances(double[] d) {
        StringBuilder b = new StringBuilder();
        for (double v : d) {
            b.append(b.length() == 0 ? "" : " / ").append(RunLengths.distanceText(v));
        }
        return b.toString();
    }

    /** One trace's chart. */
    public static String chart(RunLengths.Result r) {
        double left = 56;
        double top = 76;
        Svg svg = new Svg(left + 2 * (PANEL_W + 40), top + PANEL_H + 80);
        svg.text(10, 22, "Burst and gap lengths of " + r.trace(), 15, "start", true);
        svg.text(10, 40, "share of runs per length bin (log scale): observed (grey bars) and as each model fitted to "
                + "the whole trace implies (lines)", 10, "start", false);
        panel(svg, r, RunLengths.Kind.BURST, left, top, "loss bursts (" + r.bursts() + ")", r.burstDistance());
        panel(svg, r, RunLengths.Kind.GAP, left + PANEL_W + 40, top, "reception gaps (" + r.gaps() + ")",
                r.gapDistance());
        double y = top + PANEL_H + 54;
        double x = left;
        svg.rect(x, y - 9, 12, 10, "#bbb", null);
        svg.text(x + 16, y, "observed", 11, "start", false);
        x += 90;
        for (int m = 0; m < NAMES.length; m++) {
            svg.line(x, y - 4, x + 14, y - 4, Charts.colour(m), 2, false);
            svg.text(x + 18, y, NAMES[m], 11, "start", false);
            x += 40 + 7 * NAMES[m].length();
        }
        return svg.render();
    }

    private static void panel(Svg svg, RunLengths.Result r, RunLengths.Kind kind, double x0, double y0, String title,
            double[] distance) {
        List<RunLengths.Row> rows = new ArrayList<>();
        for (RunLengths.Row row : r.rows()) {
            if (row.kind() == kind) {
                rows.add(row);
            }
        }
        svg.text(x0 + PANEL_W / 2, y0 - 18, title, 12, "middle", true);
        svg.text(x0 + PANEL_W / 2, y0 - 5, "distance B / G / EG / GE: " + distances(distance), 10, "middle", false);
        for (int e = LOWEST_EXPONENT; e <= 0; e++) {
            double y = y(e, y0);
            svg.line(x0, y, x0 + PANEL_W, y, "#e5e5e5", 1, false);
            svg.text(x0 - 4, y + 4, e == 0 ? "1" : "1e" + e, 9, "end", false);
        }
        if (rows.isEmpty()) {
            svg.text(x0 + PANEL_W / 2, y0 + PANEL_H / 2, "no runs", 12, "middle", false);
            svg.frame(x0, y0, PANEL_W, PANEL_H);
            return;
        }
        double slot = PANEL_W / rows.size();
        int widest = 1;
        for (RunLengths.Row row : rows) {
            widest = Math.max(widest, label(row).length());
        }
        // labels about 5.5 px a character at 9 px, with room between them
        int label = Math.max(1, (int) Math.ceil((widest * 5.5 + 8) / slotWidth(rows.size())));
        for (int i = 0; i < rows.size(); i++) {
            RunLengths.Row row = rows.get(i);
            double cx = x0 + slot * (i + 0.5);
            if (row.observed() > 0) {
                double top = y(Math.log10(row.observedShare()), y0);
                svg.rect(cx - slot * 0.35, top, slot * 0.7, y0 + PANEL_H - top, "#bbb", "length " + label(row) + ": "
                        + row.observed() + (row.observed() == 1 ? " run" : " runs") + ", share "
                        + Numbers.number(row.observedShare()));
            }
            if (i % label == 0) {
                svg.text(cx, y0 + PANEL_H + 13, label(row), 9, "middle", false);
            }
        }
        for (int m = 0; m < NAMES.length; m++) {
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double share = rows.get(i).model()[m];
                xs[i] = x0 + slot * (i + 0.5);
                ys[i] = y(share > 0 ? Math.log10(share) : LOWEST_EXPONENT, y0);
            }
            if (rows.size() > 1) {
                svg.polyline(xs, ys, Charts.colour(m));
            }
            for (int i = 0; i < rows.size(); i++) {
                svg.circle(xs[i], ys[i], 2, Charts.colour(m), NAMES[m] + ", length "
                        + label(rows.get(i)) + ": " + Numbers.number(rows.get(i).model()[m]));
            }
        }
        svg.text(x0 + PANEL_W / 2, y0 + PANEL_H + 28, "run length, packets", 10, "middle", false);
        svg.frame(x0, y0, PANEL_W, PANEL_H);
    }

    private static double slotWidth(int bins) {
        return PANEL_W / bins;
    }

    private static String label(RunLengths.Row row) {
        return row.from() == row.to() ? Integer.toString(row.from()) : row.from() + "-" + row.to();
    }

    /** The height of a share's log10 (clamped to the lowest decade) in a panel whose top is y0. */
    private static double y(double exponent, double y0) {
        double e = Math.max(LOWEST_EXPONENT, Math.min(0, exponent));
        return y0 + PANEL_H * (-e) / -LOWEST_EXPONENT;
    }
}
