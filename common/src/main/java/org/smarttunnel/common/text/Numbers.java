package org.smarttunnel.common.text;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers written the same in every file the toolkit writes (Locale-free). */
public final class Numbers {
    private static final MathContext SIX = new MathContext(6);

    private Numbers() {
    }

    /**
     * Six significant digits: plain notation from 1e-6 up ("0.000123", "4.5"), scientific below
     * ("7.97973E-17"); NaN gives "", infinity "inf".
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
        BigDecimal b = new BigDecimal(v).round(SIX).stripTrailingZeros();
        return Math.abs(v) < 1e-6 ? b.toString() : b.toPlainString();
    }

    /** Milliseconds with three decimals ("12.500"); NaN gives "". */
    public static String millis(double ms) {
        return Double.isNaN(ms) ? "" : String.format(java.util.Locale.ROOT, "%.3f", ms);
    }

    /** part/whole exactly, to six significant digits in plain notation; empty when whole is 0. */
    public static String rate(long part, long whole) {
        if (whole == 0) {
            return "";
        }
        if (part == 0) {
            return "0";
        }
        return new BigDecimal(part).divide(new BigDecimal(whole), SIX).stripTrailingZeros().toPlainString();
    }
}
