package org.smarttunnel.eval.simulate;

/**
 * What to simulate: hosts probing sites for {@code durationNs}, one probe every
 * {@code spacingNs} while on, in on/off cycles ({@code offNs = 0}: always on); captures of
 * requests and replies or replies only; gzip-compressed or not.
 */
public record SimulationOptions(int hosts, int sites, long durationNs, long spacingNs, long onNs, long offNs,
        boolean replyOnly, long seed, boolean gzip, long startNs) {

    /** 2024-01-01T00:00:00Z: simulated captures start here so that runs are reproducible. */
    public static final long DEFAULT_START_NS = 1_704_067_200L * 1_000_000_000L;

    public SimulationOptions {
        if (hosts < 1 || hosts > 250 || sites < 1 || sites > 250) {
            throw new IllegalArgumentException("--hosts and --sites must be between 1 and 250");
        }
        if (durationNs <= 0 || spacingNs <= 0 || onNs <= 0 || offNs < 0) {
            throw new IllegalArgumentException("--duration, --spacing and --on must be positive, --off not negative");
        }
        if (onNs < spacingNs) {
            throw new IllegalArgumentException("--on must be at least one --spacing long");
        }
    }

    public long probesPerOnPeriod() {
        return onNs / spacingNs;
    }
}
