package org.smarttunnel.eval.simulate;

/**
 * A simulated path: a two-state Gilbert loss chain ({@code p} = P(loss | previous probe
 * received), {@code q} = P(loss | previous probe lost)) and a round-trip time of
 * {@code baseRttNs} plus a uniform jitter up to {@code jitterNs}.
 */
public record PathParams(double p, double q, long baseRttNs, long jitterNs) {
    public PathParams {
        if (!(p >= 0 && p <= 1 && q >= 0 && q < 1)) {
            throw new IllegalArgumentException("need 0 <= p <= 1 and 0 <= q < 1, got p=" + p + ", q=" + q);
        }
    }

    /** Stationary loss rate p / (1 - q + p). */
    public double lossRate() {
        return p / (1 - q + p);
    }

    /** Mean length of a loss burst, 1 / (1 - q). */
    public double meanBurst() {
        return 1 / (1 - q);
    }

    /** The chain with the given stationary loss rate and mean burst length. */
    public static PathParams of(double lossRate, double meanBurst, long baseRttNs, long jitterNs) {
        double q = 1 - 1 / meanBurst;
        double p = lossRate * (1 - q) / (1 - lossRate);
        return new PathParams(p, q, baseRttNs, jitterNs);
    }
}
