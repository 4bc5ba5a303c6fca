package org.smarttunnel.ingest.trace;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which way a trace's probes crossed the path: both ways (an echo and its reply: ICMP ping,
 * captures, zing), or one way, as a tool with timestamps at both ends tells apart — {@code up}
 * from the prober to its target, {@code down} back.
 */
public enum Direction {
    ROUND_TRIP("round-trip"),
    UP("up"),
    DOWN("down");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The direction of an id, or empty. */
    public static Optional<Direction> of(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
