package org.smarttunnel.ingest.log;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Time-zone abbreviations as {@code date} prints them in a log banner. Abbreviations are
 * ambiguous (IST is India, Israel and Ireland); this table holds the common ones with one
 * reading each, and {@code --zone} overrides it.
 */
public final class ZoneNames {
    private static final Map<String, ZoneOffset> OFFSETS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.ofHours(0)), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("PKT", ZoneOffset.ofHours(5)),
            Map.entry("ICT", ZoneOffset.ofHours(7)), Map.entry("CST", ZoneOffset.ofHours(-6)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("AWST", ZoneOffset.ofHours(8)), Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)), Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)), Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("AKST", ZoneOffset.ofHours(-9)), Map.entry("AKDT", ZoneOffset.ofHours(-8)),
            Map.entry("HST", ZoneOffset.ofHours(-10)), Map.entry("BRT", ZoneOffset.ofHours(-3)),
            Map.entry("ART", ZoneOffset.ofHours(-3)));

    private ZoneNames() {
    }

    /** The offset for an abbreviation or a numeric offset such as {@code +0530}. */
    public static Optional<ZoneOffset> offset(String name) {
        ZoneOffset known = OFFSETS.get(name.toUpperCase(java.util.Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        if (name.matches("[+-]\\d{4}")) {
            int hours = Integer.parseInt(name.substring(1, 3));
            int minutes = Integer.parseInt(name.substring(3, 5));
            int sign = name.charAt(0) == '-' ? -1 : 1;
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        return Optional.empty();
    }
}
