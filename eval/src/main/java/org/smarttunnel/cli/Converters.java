package org.smarttunnel.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.ingest.log.ZoneNames;
import picocli.CommandLine;

/** Option value converters; the parsing rules themselves live outside the command line. */
final class Converters {
    private Converters() {
    }

    /** A positive duration in whole microseconds (interval lengths), or a usage error naming the option. */
    static long micros(long ns, String option) {
        if (ns <= 0 || ns % 1000 != 0) {
            throw new IllegalArgumentException(option + " must be a positive whole number of microseconds");
        }
        return ns / 1000;
    }

    /** A duration such as 2s, 40s, 2ms, 1.5s, to nanoseconds. */
    static final class Duration implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Durations.parseNs(value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A zone: an id (Asia/Kolkata), an offset (+05:30) or an abbreviation from the table (IST). */
    static final class Zone implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            var named = ZoneNames.offset(value);
            if (named.isPresent()) {
                return named.get();
            }
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a time zone; write e.g. UTC, +05:30, Asia/Kolkata or IST");
            }
        }
    }
}
