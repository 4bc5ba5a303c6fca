package org.smarttunnel.eval.simulate;

import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;

/**
 * What to simulate: hosts probing sites for {@code durationNs}, one probe every
 * {@code spacingNs} while on, in on/off cycles ({@code offNs = 0}: always on); captures of
 * requests and replies or replies only; gzip-compressed or not. The population: the share of
 * low-loss paths per site, the drift of loss rates ({@code drift} = standard deviation of the
 * log rate, one value per {@code driftPeriodNs}), and the share of sites with a bottleneck
 * shared by several of their paths. The defaults are the paper's probing and population.
 */
public record SimulationOptions(int hosts, int sites, long durationNs, long spacingNs, long onNs, long offNs,
        boolean replyOnly, long seed, boolean gzip, long startNs, double lowShare, double drift, long driftPeriodNs,
        double shared) {

    /** 2024-01-01T00:00:00Z: simulated captures start here so that runs are reproducible. */
    /** The largest drift (sigma of the log loss rate per period) the simulator takes. */
    public static final int MAX_DRIFT = 3;
    public static final long DEFAULT_START_NS = 1_704_067_200L * 1_000_000_000L;

    public SimulationOptions {
        InvalidSettingException.require(hosts >= 1 && hosts <= 250, Setting.HOSTS, "must be between 1 and 250");
        InvalidSettingException.require(sites >= 1 && sites <= 250, Setting.SITES, "must be between 1 and 250");
        InvalidSettingException.require(durationNs > 0, Setting.DURATION, "must be positive");
        org.smarttunnel.common.options.Limits.requireSpacing(spacingNs, Setting.SPACING);
        InvalidSettingException.require(onNs >= spacingNs, Setting.ON, "must be at least one probe spacing long");
        InvalidSettingException.require(offNs >= 0, Setting.OFF, "must not be negative");
        InvalidSettingException.require(lowShare >= 0 && lowShare <= 1, Setting.LOW_LOSS_SHARE, "must lie in [0, 1]");
        InvalidSettingException.require(shared >= 0 && shared <= 1, Setting.SHARED, "must lie in [0, 1]");
        InvalidSettingException.require(drift >= 0 && drift <= MAX_DRIFT, Setting.DRIFT, "must lie in [0, " + MAX_DRIFT
                + "]");
        InvalidSettingException.require(driftPeriodNs > 0, Setting.DRIFT_PERIOD, "must be positive");
    }

    /** The paper's probing (800 s, 2 ms, 1 s on / 1 s off), request and reply captured, population as measured. */
    public static Builder builder(int hosts, int sites) {
        return new Builder(hosts, sites);
    }

    public Builder toBuilder() {
        return new Builder(hosts, sites).durationNs(durationNs).spacingNs(spacingNs).onNs(onNs).offNs(offNs)
                .replyOnly(replyOnly).seed(seed).gzip(gzip).startNs(startNs).lowShare(lowShare).drift(drift)
                .driftPeriodNs(driftPeriodNs).shared(shared);
    }

    /**
     * The simulation in words, for a dataset's origin: "simulated by smarttunnel: 28 hosts x 1 site,
     * 400s per path, a probe every 2ms (1s on, 1s off), ...".
     */
    public String describe() {
        return "simulated by smarttunnel: " + hosts + (hosts == 1 ? " host" : " hosts") + " x " + sites
                + (sites == 1 ? " site" : " sites") + ", " + Durations.format(durationNs) + " per path, a probe every "
                + Durations.format(spacingNs) + (offNs == 0 ? "" : " (" + Durations.format(onNs) + " on, "
                        + Durations.format(offNs) + " off)") + ", " + (replyOnly ? "replies" : "requests and replies")
                + " captured, seed " + seed + "; " + Numbers.number(100 * lowShare) + "% of paths low-loss, loss-rate "
                + "drift " + Numbers.number(drift) + " per " + Durations.format(driftPeriodNs) + ", "
                + (shared == 0 ? "no shared bottlenecks" : Numbers.number(100 * shared) + "% of sites with a shared "
                        + "bottleneck");
    }

    public long probesPerOnPeriod() {
        return onNs / spacingNs;
    }

    /** Drift periods covering the run. */
    public int periods() {
        return (int) ((durationNs + driftPeriodNs - 1) / driftPeriodNs);
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private final int hosts;
        private final int sites;
        private long durationNs = Defaults.nanos(Defaults.DURATION);
        private long spacingNs = Defaults.nanos(Defaults.PROBE_SPACING);
        private long onNs = Defaults.nanos(Defaults.ON);
        private long offNs = Defaults.nanos(Defaults.OFF);
        private boolean replyOnly;
        private long seed = Defaults.SEED;
        private boolean gzip;
        private long startNs = DEFAULT_START_NS;
        private double lowShare = Defaults.LOW_LOSS_SHARE;
        private double drift = Defaults.DRIFT;
        private long driftPeriodNs = Defaults.nanos(Defaults.DRIFT_PERIOD);
        private double shared = Defaults.SHARED;

        private Builder(int hosts, int sites) {
            this.hosts = hosts;
            this.sites = sites;
        }

        public Builder durationNs(long v) {
            durationNs = v;
            return this;
        }

        public Builder spacingNs(long v) {
            spacingNs = v;
            return this;
        }

        public Builder onNs(long v) {
            onNs = v;
            return this;
        }

        public Builder offNs(long v) {
            offNs = v;
            return this;
        }

        /** Duration, spacing and on/off cycle at once. */
        public Builder probing(long duration, long spacing, long on, long off) {
            return durationNs(duration).spacingNs(spacing).onNs(on).offNs(off);
        }

        public Builder replyOnly(boolean v) {
            replyOnly = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder gzip(boolean v) {
            gzip = v;
            return this;
        }

        public Builder startNs(long v) {
            startNs = v;
            return this;
        }

        public Builder lowShare(double v) {
            lowShare = v;
            return this;
        }

        public Builder drift(double v) {
            drift = v;
            return this;
        }

        public Builder driftPeriodNs(long v) {
            driftPeriodNs = v;
            return this;
        }

        public Builder shared(double v) {
            shared = v;
            return this;
        }

        public SimulationOptions build() {
            return new SimulationOptions(hosts, sites, durationNs, spacingNs, onNs, offNs, replyOnly, seed, gzip,
                    startNs, lowShare, drift, driftPeriodNs, shared);
        }
    }
}
