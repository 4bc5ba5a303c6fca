package org.smarttunnel.fitting.congestion;

import java.util.Locale;

/** What the shared-congestion tests say of a pair of traces. */
public enum Verdict {
    SHARED, INDEPENDENT, UNKNOWN, NOT_CONCURRENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
