package org.smarttunnel.ingest;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.dataset.TraceFormat;

/**
 * Options of an import; the defaults live here, the command line only parses into them.
 *
 * @param timeoutNs reply timeout; empty for the per-format default (2 s for captures and
 *        zing, none for ping logs, whose printed replies all count)
 * @param traceFormat how the dataset stores each trace's probes (CSV or compact)
 */
public record ImportOptions(InputFormat format, CaptureReader reader, Optional<String> host, Optional<String> site,
        OptionalLong timeoutNs, long intervalUs, long spacingNs, Optional<ZoneId> zone, TraceFormat traceFormat) {

    public static final long DEFAULT_TIMEOUT_NS = 2_000_000_000L;
    public static final long DEFAULT_INTERVAL_US = 40_000_000L;
    public static final long DEFAULT_SPACING_NS = 1_000_000_000L;

    public ImportOptions {
        Objects.requireNonNull(format);
        Objects.requireNonNull(reader);
        Objects.requireNonNull(traceFormat);
        host.ifPresent(h -> requireLabel(h, "host"));
        site.ifPresent(s -> requireLabel(s, "site"));
        if (timeoutNs.isPresent() && timeoutNs.getAsLong() < 0) {
            throw new IllegalArgumentException("--timeout must not be negative");
        }
        if (intervalUs <= 0) {
            throw new IllegalArgumentException("--interval must be positive");
        }
        if (spacingNs <= 0) {
            throw new IllegalArgumentException("--spacing must be positive");
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(InputFormat.AUTO, CaptureReader.FAST, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), DEFAULT_INTERVAL_US, DEFAULT_SPACING_NS, Optional.empty(), TraceFormat.CSV);
    }

    private static void requireLabel(String value, String what) {
        if (value.isBlank() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("--" + what + " must be non-empty text without commas or quotes");
        }
    }

    public ImportOptions withFormat(InputFormat f) {
        return new ImportOptions(f, reader, host, site, timeoutNs, intervalUs, spacingNs, zone, traceFormat);
    }

    public ImportOptions withReader(CaptureReader r) {
        return new ImportOptions(format, r, host, site, timeoutNs, intervalUs, spacingNs, zone, traceFormat);
    }

    public ImportOptions withHost(String h) {
        return new ImportOptions(format, reader, Optional.of(h), site, timeoutNs, intervalUs, spacingNs, zone, traceFormat);
    }

    public ImportOptions withSite(String s) {
        return new ImportOptions(format, reader, host, Optional.of(s), timeoutNs, intervalUs, spacingNs, zone, traceFormat);
    }

    public ImportOptions withTimeoutNs(long t) {
        return new ImportOptions(format, reader, host, site, OptionalLong.of(t), intervalUs, spacingNs, zone, traceFormat);
    }

    public ImportOptions withIntervalUs(long i) {
        return new ImportOptions(format, reader, host, site, timeoutNs, i, spacingNs, zone, traceFormat);
    }

    public ImportOptions withSpacingNs(long s) {
        return new ImportOptions(format, reader, host, site, timeoutNs, intervalUs, s, zone, traceFormat);
    }

    public ImportOptions withZone(ZoneId z) {
        return new ImportOptions(format, reader, host, site, timeoutNs, intervalUs, spacingNs, Optional.of(z), traceFormat);
    }

    public ImportOptions withTraceFormat(TraceFormat f) {
        return new ImportOptions(format, reader, host, site, timeoutNs, intervalUs, spacingNs, zone, f);
    }

    /** Timeout for captures and zing files. */
    public long captureTimeoutNs() {
        return timeoutNs.orElse(DEFAULT_TIMEOUT_NS);
    }

    /** Timeout for ping logs: none unless given. */
    public long logTimeoutNs() {
        return timeoutNs.orElse(-1);
    }
}
