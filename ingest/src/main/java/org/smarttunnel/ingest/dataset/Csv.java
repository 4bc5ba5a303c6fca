package org.smarttunnel.ingest.dataset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** The little CSV the dataset needs: RFC 4180 quoting, and numbers written the same everywhere. */
public final class Csv {
    private Csv() {
    }

    /** Quotes a field when it holds a comma, quote or line break. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public static String row(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(String.valueOf(values[i])));
        }
        return sb.toString();
    }

    /** Splits one line; throws IllegalArgumentException on an unterminated quote. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * A number with six significant digits: plain notation from 1e-6 up ("0.000123", "4.5"),
     * scientific below ("7.97973E-17"); NaN gives "", infinity "inf".
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(v) < 1e-6 ? b.toString() : b.toPlainString();
    }

    /** lost/probes with six significant digits in plain notation; empty when there are no probes. */
    public static String rate(long lost, long probes) {
        if (probes == 0) {
            return "";
        }
        if (lost == 0) {
            return "0";
        }
        return new BigDecimal(lost).divide(new BigDecimal(probes), new MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
