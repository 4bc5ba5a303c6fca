package org.smarttunnel.ingest.log;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips the time prefixes a ping log line may carry and reads them: iputils {@code -D}
 * ({@code [1726122373.123456] }), moreutils {@code ts} with a date
 * ({@code 2024-09-12 10:01:02 | }, optionally with fractional seconds), {@code ts}'s default
 * ({@code Sep 12 10:01:02 }, year taken from the run's banner) and epoch seconds
 * ({@code ts %.s}).
 */
final class LinePrefix {
    private static final Pattern BRACKET_EPOCH = Pattern.compile("^\\[(\\d{1,12})(?:\\.(\\d{1,9}))?\\]\\s*");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?\\s*(?:\\|\\s*)?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?\\s*(?:\\|\\s*)?");
    private static final Pattern EPOCH = Pattern.compile("^(\\d{9,10})(?:\\.(\\d{1,9}))?\\s+(?:\\|\\s*)?(?=\\D)");
    static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** The line without its prefixes, and the time they gave (null when none). */
    record Stripped(String rest, LineTime time, boolean yearless) {
    }

    private LinePrefix() {
    }

    static Stripped strip(String line, ZoneId zone, Optional<Integer> year) {
        LineTime time = null;
        boolean yearless = false;
        String rest = line;
        for (int round = 0; round < 2; round++) {
            Matcher m;
            if ((m = BRACKET_EPOCH.matcher(rest)).find() || (m = EPOCH.matcher(rest)).find()) {
                time = new LineTime(epochNs("time stamp", m.group(1), m.group(2)), m.group(2) != null);
            } else if ((m = ISO.matcher(rest)).find()) {
                LocalDateTime t = BadField.dateTime("time stamp", num(m, 1), num(m, 2), num(m, 3), num(m, 4),
                        num(m, 5), num(m, 6));
                time = new LineTime(toNs(t, zone) + fractionNs(m.group(7)), m.group(7) != null);
            } else if ((m = MONTH_DAY.matcher(rest)).find()) {
                if (year.isPresent()) {
                    int month = MONTHS.indexOf(m.group(1)) / 3 + 1;
                    LocalDateTime t = BadField.dateTime("time stamp", year.get(), month, num(m, 2), num(m, 3),
                            num(m, 4), num(m, 5));
                    time = new LineTime(toNs(t, zone) + fractionNs(m.group(6)), m.group(6) != null);
                } else {
                    yearless = true;
                }
            } else {
                break;
            }
            rest = rest.substring(m.end());
        }
        return new Stripped(rest, time, yearless);
    }

    static long toNs(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone).toEpochSecond() * 1_000_000_000L;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** The latest epoch second a time in nanoseconds can hold with room to spare (year 2255). */
    static final long MAX_EPOCH_SECONDS = 9_000_000_000L;

    /** Epoch seconds and their fraction in nanoseconds; a bad {@code field} beyond {@link #MAX_EPOCH_SECONDS}. */
    static long epochNs(String field, String seconds, String fraction) {
        return BadField.number(field, seconds, MAX_EPOCH_SECONDS) * 1_000_000_000L + fractionNs(fraction);
    }

    static long fractionNs(String digits) {
        if (digits == null) {
            return 0;
        }
        String padded = (digits + "000000000").substring(0, 9);
        return Long.parseLong(padded);
    }
}
