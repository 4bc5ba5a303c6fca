package org.smarttunnel.eval.report;

import java.util.Locale;

/** A small SVG writer: shapes and text with coordinates printed the same on every machine. */
final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;

    Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            body.append("/>\n");
        } else {
            body.append("><title>").append(escape(title)).append("</title></rect>\n");
        }
        return this;
    }

    Svg frame(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, boolean dashed) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append('"').append(dashed ? " stroke-dasharray=\"3,3\"" : "").append("/>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        body.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i > 0 ? " " : "").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\"/>\n");
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String title) {
        body.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"><title>").append(escape(title))
                .append("</title></circle>\n");
        return this;
    }

    /** Text; anchor is start, middle or end. */
    Svg text(double x, double y, String text, double size, String anchor, boolean bold) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append('"').append(bold ? " font-weight=\"bold\"" : "")
                .append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** Text turned a quarter counter-clockwise about its anchor point. */
    Svg verticalText(double x, double y, String text, double size) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y))
                .append(")\">").append(escape(text)).append("</text>\n");
        return this;
    }

    String render() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" font-family=\"Helvetica, Arial, sans-serif\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }
}
