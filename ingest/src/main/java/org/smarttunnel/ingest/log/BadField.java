package org.smarttunnel.ingest.log;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * A field of a log line that cannot be taken (a number past its range, an impossible date):
 * the parsers warn with the file, line and field and skip the line, keeping the rest.
 */
final class BadField extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    BadField(String field, String value, String why) {
        super(field + " '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "' " + why);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** Decimal digits as a number of at most {@code max}. */
    static long number(String field, String digits, long max) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadField(field, digits, "is not a number of at most " + max);
        }
        long v = Long.parseLong(digits);
        if (v > max) {
            throw new BadField(field, digits, "is out of range (at most " + max + ")");
        }
        return v;
    }

    /** A wall-clock time, or a bad field when no such date or time exists. */
    static LocalDateTime dateTime(String field, int year, int month, int day, int hour, int minute, int second) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new BadField(field, String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", year,
                    month, day, hour, minute, second), "is not a date and time");
        }
    }
}
