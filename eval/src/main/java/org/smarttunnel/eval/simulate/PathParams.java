package org.smarttunnel.eval.simulate;

import org.smarttunnel.fitting.model.GilbertModel;

/**
 * A simulated path: its class (drawn below the low-loss limit or not), its long-run loss rate,
 * how its bursts last, and its round-trip time: {@code baseRttNs} plus a queueing delay that
 * wanders between 0 and {@code queueNs}, plus a congestion queue of up to {@code congestionNs}
 * that builds up before its losses and drains after them ({@link PathProcess}).
 */
public record PathParams(boolean low, double lossRate, BurstLaw bursts, long baseRttNs, long queueNs,
        long congestionNs) {
    /** The largest loss rate drift may give a path. */
    public static final double MAX_RATE = 0.5;

    public PathParams {
        if (!(lossRate >= 0 && lossRate <= MAX_RATE)) {
            throw new IllegalArgumentException("loss rate must lie in [0, " + MAX_RATE + "], got " + lossRate);
        }
        if (baseRttNs < 0 || queueNs < 0 || congestionNs < 0) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** P(loss | previous probe received) that gives the loss rate {@code rate} with these bursts. */
    public double startProbability(double rate) {
        if (rate <= 0) {
            return 0;
        }
        double r = Math.min(rate, MAX_RATE);
        return Math.min(1, r / (bursts.meanBurst() * (1 - r)));
    }

    /** The extended Gilbert model of the path at loss rate {@code rate}. */
    public GilbertModel model(double rate) {
        double[] q = bursts.continuations();
        q[0] = startProbability(rate);
        return GilbertModel.of(q);
    }

    public double meanBurst() {
        return bursts.meanBurst();
    }
}
