package org.smarttunnel.common.options;

/**
 * The ranges size options must lie in, in one place (docs/commands.md lists them). A value
 * outside is refused with the option's name before any work: an interval of 1 µs or a group
 * of 2^31 packets buys millions of intervals or gigabytes of memory, not a result.
 */
public final class Limits {
    /** Interval length: 100 ms (a few dozen probes at 2 ms) to 7 days. */
    public static final long MIN_INTERVAL_US = 100_000L;
    public static final long MAX_INTERVAL_US = 7L * 24 * 3600 * 1_000_000L;
    /** FEC group size in packets. */
    public static final int MAX_GROUP = 1024;
    /** Probe spacing of simulated paths and ping logs without stamps: 100 µs to 60 s. */
    public static final long MIN_SPACING_NS = 100_000L;
    public static final long MAX_SPACING_NS = 60_000_000_000L;
    /** Paths of a tunnel. */
    public static final int MIN_PATHS = 2;
    public static final int MAX_PATHS = 64;
    /** The most cluster-bootstrap draws an evaluation takes. */
    public static final int MAX_BOOTSTRAP = 100_000;

    private Limits() {
    }

    /** Refuses an interval length outside its range, naming {@code setting}. */
    public static void requireInterval(long intervalUs, Setting setting) {
        InvalidSettingException.require(intervalUs >= MIN_INTERVAL_US && intervalUs <= MAX_INTERVAL_US, setting,
                "must lie between 100ms and 7d");
    }

    /** Refuses a probe spacing outside its range, naming {@code setting}. */
    public static void requireSpacing(long spacingNs, Setting setting) {
        InvalidSettingException.require(spacingNs >= MIN_SPACING_NS && spacingNs <= MAX_SPACING_NS, setting,
                "must lie between 100us and 60s");
    }
}
