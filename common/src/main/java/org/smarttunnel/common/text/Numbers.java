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
        if (part > 0 && part <= whole && whole <= MAX_FAST_WHOLE) {
            return fractionRate(part, whole);
        }
        return new BigDecimal(part).divide(new BigDecimal(whole), SIX).stripTrailingZeros().toPlainString();
    }

    /** Up to here a rate's long arithmetic cannot overflow: 10^6 · whole &lt; 2^63. */
    private static final long MAX_FAST_WHOLE = 1L << 40;

    /**
     * {@link #rate} for 0 &lt; part &lt;= whole &lt;= 2^40 in long arithmetic (a rate is written
     * for every replayed interval): the decimal shift s that puts part · 10^s / whole in
     * [10^5, 10^6), that quotient rounded half up, trailing zeros stripped — what BigDecimal's
     * division to six digits gives, digit for digit (a test compares the two).
     */
    static String fractionRate(long part, long whole) {
        int s = 5;
        long scaled = part * 100_000L;
        long floor = whole * 100_000L;
        while (scaled < floor) {
            scaled *= 10;
            s++;
        }
        long digits = scaled / whole;
        if (2 * (scaled % whole) >= whole) {
            digits++;
        }
        if (digits == 1_000_000L) {
            digits = 100_000L;
            s--;
        }
        while (s > 0 && digits % 10 == 0) {
            digits /= 10;
            s--;
        }
        String text = Long.toString(digits);
        if (s == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(s + 2).append("0.");
        for (int i = text.length(); i < s; i++) {
            out.append('0');
        }
        return out.append(text).toString();
    }
}
