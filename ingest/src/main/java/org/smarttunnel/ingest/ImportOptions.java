package org.smarttunnel.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.trace.Direction;

/**
 * Options of an import; built by {@link #builder()} from the defaults in {@link Defaults}.
 *
 * @param format the format of every file, empty to detect each file's
 *
 * @param timeoutNs reply timeout; empty for the per-format default (2 s for captures and
 *        zing, none for ping logs, whose printed replies all count)
 * @param traceFormat how the dataset stores each trace's probes (CSV or compact)
 * @param origin where the traces come from (how they were measured, or that they are simulated),
 *        recorded in the dataset and printed in reports
 * @param directions the directions made into traces from inputs that tell them apart (irtt),
 *        each at most once, in the order given
 * @param decap which endpoints name the path of a probe captured inside a tunnel
 */
public record ImportOptions(Optional<InputFormat> format, CaptureReader reader, Optional<String> host, Optional<String> site,
        OptionalLong timeoutNs, long intervalUs, long spacingNs, Optional<ZoneId> zone, TraceFormat traceFormat,
        Optional<String> origin, List<Direction> directions, org.smarttunnel.ingest.capture.Decap decap) {

    public ImportOptions {
        Objects.requireNonNull(format);
        Objects.requireNonNull(reader);
        Objects.requireNonNull(traceFormat);
        Objects.requireNonNull(decap);
        host.ifPresent(h -> requireLabel(h, Setting.HOST));
        site.ifPresent(s -> requireLabel(s, Setting.SITE));
        InvalidSettingException.require(timeoutNs.isEmpty() || timeoutNs.getAsLong() > 0, Setting.TIMEOUT,
                "must be positive (a timeout of 0 makes every reply late)");
        org.smarttunnel.common.options.Limits.requireInterval(intervalUs, Setting.INTERVAL);
        org.smarttunnel.common.options.Limits.requireSpacing(spacingNs, Setting.SPACING);
        InvalidSettingException.require(origin.isEmpty() || !origin.get().isBlank() && origin.get().chars()
                .noneMatch(c -> c == '\n' || c == '\r'), Setting.ORIGIN, "must be one line of text");
        directions = List.copyOf(directions);
        InvalidSettingException.require(!directions.isEmpty() && directions.stream().distinct().count()
                == directions.size(), Setting.DIRECTION, "must name each direction at most once, and one at least");
    }

    /** Directions from text: a comma-separated list of up, down and round-trip, or "all". */
    public static List<Direction> parseDirections(String text) {
        if (text.trim().equals("all")) {
            return List.of(Direction.UP, Direction.DOWN, Direction.ROUND_TRIP);
        }
        List<Direction> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Direction d = Direction.of(part.trim()).orElseThrow(() -> new InvalidSettingException(Setting.DIRECTION,
                    "must be up, down, round-trip (comma-separated) or all, not '" + text + "'"));
            if (out.contains(d)) {
                throw new InvalidSettingException(Setting.DIRECTION, "names " + d + " twice in '" + text + "'");
            }
            out.add(d);
        }
        return out;
    }

    public static ImportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireLabel(String value, Setting setting) {
        InvalidSettingException.require(!value.isBlank() && value.chars().noneMatch(c -> c == ',' || c == '"'
                || c == '\n' || c == '\r'), setting, "must be non-empty text without commas or quotes");
    }

    /** Timeout for captures, zing and irtt files. */
    public long captureTimeoutNs() {
        return timeoutNs.orElse(Defaults.nanos(Defaults.TIMEOUT));
    }

    /** Timeout for ping logs: none unless given. */
    public long logTimeoutNs() {
        return timeoutNs.orElse(-1);
    }

    /** The capture reader named {@code text} (fast or pcap4j). */
    public static CaptureReader parseReader(String text) {
        for (CaptureReader r : CaptureReader.values()) {
            if (r.name().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new InvalidSettingException(Setting.READER, "must be fast or pcap4j, not '" + text + "'");
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private Optional<InputFormat> format = InputFormats.parse(Defaults.FORMAT);
        private CaptureReader reader = parseReader(Defaults.READER);
        private Optional<String> host = Optional.empty();
        private Optional<String> site = Optional.empty();
        private OptionalLong timeoutNs = OptionalLong.empty();
        private long intervalUs = Defaults.micros(Defaults.INTERVAL);
        private long spacingNs = Defaults.nanos(Defaults.LOG_SPACING);
        private Optional<ZoneId> zone = Optional.empty();
        private TraceFormat traceFormat = TraceFormat.CSV;
        private Optional<String> origin = Optional.empty();
        private List<Direction> directions = parseDirections(Defaults.DIRECTION);
        private org.smarttunnel.ingest.capture.Decap decap = org.smarttunnel.ingest.capture.Decap.parse(Defaults.DECAP);

        /** The format of every file; empty to detect each file's. */
        public Builder format(Optional<InputFormat> f) {
            format = f;
            return this;
        }

        public Builder reader(CaptureReader r) {
            reader = r;
            return this;
        }

        /** The host label of every trace; empty for the source address or the log's file name. */
        public Builder host(Optional<String> h) {
            host = h;
            return this;
        }

        /** The site label of every trace; empty for the destination address or the log's target. */
        public Builder site(Optional<String> s) {
            site = s;
            return this;
        }

        public Builder timeoutNs(OptionalLong t) {
            timeoutNs = t;
            return this;
        }

        public Builder intervalUs(long i) {
            intervalUs = i;
            return this;
        }

        public Builder spacingNs(long s) {
            spacingNs = s;
            return this;
        }

        public Builder zone(Optional<ZoneId> z) {
            zone = z;
            return this;
        }

        public Builder traceFormat(TraceFormat f) {
            traceFormat = f;
            return this;
        }

        public Builder origin(Optional<String> o) {
            origin = o;
            return this;
        }

        /** The directions made into traces where an input tells them apart. */
        public Builder directions(List<Direction> d) {
            directions = d;
            return this;
        }

        /** Which endpoints name the path of a probe captured inside a tunnel. */
        public Builder decap(org.smarttunnel.ingest.capture.Decap d) {
            decap = d;
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(format, reader, host, site, timeoutNs, intervalUs, spacingNs, zone, traceFormat,
                    origin, directions, decap);
        }
    }
}
