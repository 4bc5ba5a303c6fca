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
        String fast = plainSix(v);
        return fast != null ? fast : exactSix(v);
    }

    /** {@link #number} through the exact decimal expansion of v. */
    static String exactSix(double v) {
        BigDecimal b = new BigDecimal(v).round(SIX).stripTrailingZeros();
        return Math.abs(v) < 1e-6 ? b.toString() : b.toPlainString();
    }

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    /**
     * {@link #exactSix} without BigDecimal (an expected loss rate is written for every replayed
     * interval, many of them far below 1e-6), or null where it cannot be sure: for |v| below
     * 1e15. v · 10^s with s = 5 - floor(log10 |v|) is computed in at most 16 rounded double
     * operations by exact powers of ten (10^22 at most), so it lies within 16 · 2^-53 of the
     * exact product, which is below 10^6: within 2e-9. Unless its fraction lies within 1e-8 of
     * 0 or of one half, the exact product has the same integer part and rounds half up the same
     * way, and the six digits are the exact ones.
     */
    static String plainSix(double v) {
        double a = Math.abs(v);
        if (!(a > 0 && a < 1e15)) {
            return null;
        }
        int s = 5 - (int) Math.floor(Math.log10(a));
        double x = scaled(a, s);
        if (x < 100_000) {
            x = scaled(a, ++s);
        } else if (x >= 1_000_000) {
            x = scaled(a, --s);
        }
        if (x < 100_000 || x >= 1_000_000) {
            return null;
        }
        double floor = Math.floor(x);
        double fraction = x - floor;
        if (fraction < 1e-8 || fraction > 1 - 1e-8 || Math.abs(fraction - 0.5) < 1e-8) {
            return null;
        }
        long digits = (long) floor + (fraction > 0.5 ? 1 : 0);
        if (digits == 1_000_000L) {
            digits = 100_000L;
            s--;
        }
        int exponent = 5 - s;
        while (digits % 10 == 0) {
            digits /= 10;
            s--;
        }
        StringBuilder out = new StringBuilder(24);
        if (v < 0) {
            out.append('-');
        }
        String text = Long.toString(digits);
        if (a < 1e-6 && exponent < -6) {
            // BigDecimal's scientific form: one digit, the rest after a point, then the exponent
            out.append(text.charAt(0));
            if (text.length() > 1) {
                out.append('.').append(text, 1, text.length());
            }
            return out.append('E').append(exponent).toString();
        }
        if (s <= 0) {
            out.append(text);
            for (int i = 0; i < -s; i++) {
                out.append('0');
            }
            return out.toString();
        }
        if (text.length() > s) {
            int point = text.length() - s;
            return out.append(text, 0, point).append('.').append(text, point, text.length()).toString();
        }
        out.append("0.");
        for (int i = text.length(); i < s; i++) {
            out.append('0');
        }
        return out.append(text).toString();
    }

    /** a · 10^s, by exact powers of ten. */
    private static double scaled(double a, int s) {
        double x = a;
        int left = s;
        while (left > 22) {
            x *= POWERS[22];
            left -= 22;
        }
        while (left < -22) {
            x /= POWERS[22];
            left += 22;
        }
        return left >= 0 ? x * POWERS[left] : x / POWERS[-left];
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
