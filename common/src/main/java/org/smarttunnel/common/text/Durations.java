package org.smarttunnel.common.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them ({@code 2s}, {@code 40s}, {@code 2ms}, {@code 1.5s}, {@code 5m}, {@code 250us}). */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min|h)");

    private Durations() {
    }

    /** Nanoseconds; throws IllegalArgumentException with the accepted forms when it cannot parse. */
    public static long parseNs(String text) {
        if (text.trim().equals("0")) {
            return 0;
        }
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 2s, 40s, 2ms, 1.5s, 5m, 250us");
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (ns.scale() > 0 && ns.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond");
        }
        return ns.longValueExact();
    }

    /** The shortest exact form: 40s, 2ms, 1.5s, 250us. */
    public static String format(long ns) {
        String[] units = {"h", "m", "s", "ms", "us", "ns"};
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int i = 0; i < units.length; i++) {
            if (ns % sizes[i] == 0) {
                return ns / sizes[i] + units[i];
            }
        }
        return ns + "ns";
    }

    /** A rough human reading of seconds: 42s, 3m05s, 1h02m. */
    public static String human(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
