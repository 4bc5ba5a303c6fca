package org.smarttunnel.eval.simulate;

import org.smarttunnel.common.options.Defaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws paths like the paper's measurement (57 hosts probing 55 sites, 78.5% of paths below
 * 2% loss, mean loss rate 0.0175). Per site, {@code round(lowShare * hosts)} randomly chosen
 * hosts get a low-loss path, loss rate log-uniform in [0.01%, 1.6%]; the others a lossy one,
 * log-uniform in [2.5%, 15%] (the gap keeps a path's class when its realised rate wanders;
 * with the paper's share the mean over paths is 0.0175). Bursts: short ones of mean 1.2-3
 * probes, and with probability 0-5% long ones of mean 6-30 probes (outages of 12-60 ms).
 * Round-trip times: 10-150 ms base plus a queueing delay wandering in [0, 0.2-5 ms], plus a
 * congestion queue of up to 5-40 ms around losses ({@link PathProcess}). The
 * paper publishes no more about its paths: the burst mixture and the default drift
 * ({@link org.smarttunnel.common.options.Defaults#DRIFT}) were chosen so that SmartTunnel's oracle loss-free
 * shares on a simulated dataset land near its Tables III and IV (README, "simulate"). Each
 * (host, site) pair draws from its own deterministic streams, so a path does not change when
 * others are added.
 */
public final class Population {
    /** The paper's limit of a low-loss path; the drawn classes keep clear of it. */
    public static final double LOW_LOSS_LIMIT = Defaults.LOW_LOSS;
    static final double LOW_MIN = 0.0001;
    static final double LOW_MAX = 0.016;
    static final double HIGH_MIN = 0.025;
    static final double HIGH_MAX = 0.15;

    /** Random streams of a path, by purpose. */
    enum Stream { PARAMS, LOSS, DELAY, DRIFT, BOTTLENECK, SITE, CONGESTION }

    private final long seed;
    private final int hosts;
    private final double lowShare;

    public Population(long seed, int hosts, double lowShare) {
        if (!(lowShare >= 0 && lowShare <= 1)) {
            throw new IllegalArgumentException("the low-loss share must lie in [0, 1]");
        }
        this.seed = seed;
        this.hosts = hosts;
        this.lowShare = lowShare;
    }

    public Population(long seed, int hosts) {
        this(seed, hosts, Defaults.LOW_LOSS_SHARE);
    }

    /** Whether the host's path to the site is drawn as a low-loss one (the site's quota, in a seeded order). */
    public boolean low(int host, int site) {
        List<Integer> order = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            order.add(h);
        }
        Collections.shuffle(order, new java.util.Random(random(0, site, Stream.SITE).nextLong()));
        int quota = (int) Math.round(lowShare * hosts);
        return order.indexOf(host) < quota;
    }

    public PathParams path(int host, int site) {
        boolean low = low(host, site);
        SplittableRandom r = random(host, site, Stream.PARAMS);
        double rate = low ? logUniform(r, LOW_MIN, LOW_MAX) : logUniform(r, HIGH_MIN, HIGH_MAX);
        BurstLaw bursts = new BurstLaw(1.2 + 1.8 * r.nextDouble(), 0.05 * r.nextDouble(), 6 + 24 * r.nextDouble());
        long rtt = 10_000_000L + r.nextLong(140_000_001L);
        long queue = 200_000L + r.nextLong(4_800_001L);
        // its own stream, so the paths drawn before congestion queues existed keep every other parameter
        long congestion = 2_000_000L + random(host, site, Stream.CONGESTION).nextLong(8_000_001L);
        return new PathParams(low, rate, bursts, rtt / 1000 * 1000, queue / 1000 * 1000, congestion / 1000 * 1000);
    }

    private static double logUniform(SplittableRandom r, double min, double max) {
        return min * StrictMath.exp(r.nextDouble() * StrictMath.log(max / min));
    }

    /** A path's random stream for one purpose; host 0 stands for the site itself. */
    SplittableRandom random(int host, int site, Stream stream) {
        long mix = seed * 0x9E3779B97F4A7C15L + host * 0xBF58476D1CE4E5B9L + site * 0x94D049BB133111EBL
                + stream.ordinal() * 0xD6E8FEB86659FD93L;
        return new SplittableRandom(mix);
    }
}
