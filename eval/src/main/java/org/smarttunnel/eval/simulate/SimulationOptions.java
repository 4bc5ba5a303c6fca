package org.smarttunnel.eval.simulate;

/**
 * What to simulate: hosts probing sites for {@code durationNs}, one probe every
 * {@code spacingNs} while on, in on/off cycles ({@code offNs = 0}: always on); captures of
 * requests and replies or replies only; gzip-compressed or not. The population: the share of
 * low-loss paths per site, the drift of loss rates ({@code drift} = standard deviation of the
 * log rate, one value per {@code driftPeriodNs}), and the share of sites with a bottleneck
 * shared by several of their paths.
 */
public record SimulationOptions(int hosts, int sites, long durationNs, long spacingNs, long onNs, long offNs,
        boolean replyOnly, long seed, boolean gzip, long startNs, double lowShare, double drift, long driftPeriodNs,
        double shared) {

    /** 2024-01-01T00:00:00Z: simulated captures start here so that runs are reproducible. */
    public static final long DEFAULT_START_NS = 1_704_067_200L * 1_000_000_000L;
    public static final double DEFAULT_DRIFT = 1.5;
    public static final long DEFAULT_DRIFT_PERIOD_NS = 40_000_000_000L;

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
        if (!(lowShare >= 0 && lowShare <= 1) || !(shared >= 0 && shared <= 1)) {
            throw new IllegalArgumentException("--low-loss-share and --shared must lie in [0, 1]");
        }
        if (!(drift >= 0 && drift <= 3)) {
            throw new IllegalArgumentException("--drift must lie in [0, 3]");
        }
        if (driftPeriodNs <= 0) {
            throw new IllegalArgumentException("--drift-period must be positive");
        }
    }

    /** The paper's probing (800 s, 2 ms, 1 s on / 1 s off), request and reply captured, population as measured. */
    public static SimulationOptions paper(int hosts, int sites, long seed) {
        return new SimulationOptions(hosts, sites, 800_000_000_000L, 2_000_000L, 1_000_000_000L, 1_000_000_000L,
                false, seed, false, DEFAULT_START_NS, Population.LOW_LOSS_SHARE, DEFAULT_DRIFT,
                DEFAULT_DRIFT_PERIOD_NS, 0);
    }

    public SimulationOptions withProbing(long duration, long spacing, long on, long off) {
        return new SimulationOptions(hosts, sites, duration, spacing, on, off, replyOnly, seed, gzip, startNs,
                lowShare, drift, driftPeriodNs, shared);
    }

    public SimulationOptions withPopulation(double low, double sigma, long period, double sharedShare) {
        return new SimulationOptions(hosts, sites, durationNs, spacingNs, onNs, offNs, replyOnly, seed, gzip, startNs,
                low, sigma, period, sharedShare);
    }

    public long probesPerOnPeriod() {
        return onNs / spacingNs;
    }

    /** Drift periods covering the run. */
    public int periods() {
        return (int) ((durationNs + driftPeriodNs - 1) / driftPeriodNs);
    }
}
