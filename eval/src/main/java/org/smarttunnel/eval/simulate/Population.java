package org.smarttunnel.eval.simulate;

import java.util.SplittableRandom;

/**
 * Draws path parameters like the paper's measurement: 78.5% of paths below 2% loss (loss
 * rate uniform in [0.01%, 2%)), the rest in [2%, 15%); bursty losses (mean burst uniform in
 * [1.2, 6] probes); round-trip times of 10-150 ms with up to 5 ms of jitter. Each (host,
 * site) pair gets its own deterministic stream from the seed.
 */
public final class Population {
    public static final double LOW_LOSS_SHARE = 0.785;
    public static final double LOW_LOSS_LIMIT = 0.02;

    private final long seed;

    public Population(long seed) {
        this.seed = seed;
    }

    public PathParams path(int host, int site) {
        SplittableRandom r = random(host, site, 0);
        boolean low = r.nextDouble() < LOW_LOSS_SHARE;
        double rate = low ? 0.0001 + r.nextDouble() * (LOW_LOSS_LIMIT - 0.0001) : 0.02 + r.nextDouble() * 0.13;
        double burst = 1.2 + r.nextDouble() * 4.8;
        long rtt = 10_000_000L + r.nextLong(140_000_000L);
        long jitter = r.nextLong(5_000_000L);
        return PathParams.of(rate, burst, rtt, jitter);
    }

    /** The random stream of one path's losses and delays. */
    public SplittableRandom random(int host, int site, int stream) {
        long mix = seed * 0x9E3779B97F4A7C15L + host * 0xBF58476D1CE4E5B9L + site * 0x94D049BB133111EBL + stream;
        return new SplittableRandom(mix);
    }
}
