package org.smarttunnel.ingest.log;

import java.time.ZoneId;
import java.util.Optional;

/**
 * How to read logs: the probe spacing when the log gives no times, the reply timeout
 * (negative: every printed reply counts, however late), and the time zone of wall-clock
 * stamps (empty: from the banner's abbreviation, else UTC).
 */
public record LogOptions(long spacingNs, long timeoutNs, Optional<ZoneId> zone) {
    public LogOptions {
        if (spacingNs <= 0) {
            throw new IllegalArgumentException("probe spacing must be positive");
        }
    }
}
