package org.smarttunnel.eval.simulate;

/**
 * How long a path's loss bursts last: with probability {@code 1 - longShare} a short burst
 * (geometric, mean {@code shortMean} probes), otherwise a long one (geometric, mean
 * {@code longMean}). A burst that has lasted k probes goes on with probability
 * {@link #continuation(int)}, which grows with k: the longer an outage, the likelier it is a
 * long one. That is an extended Gilbert chain (paper eq. 2); the simulator runs it with
 * {@link #STATES} states, the most the fitting module uses.
 */
public record BurstLaw(double shortMean, double longShare, double longMean) {
    public static final int STATES = 16;

    public BurstLaw {
        if (!(shortMean >= 1 && longMean >= 1 && longShare >= 0 && longShare <= 1)) {
            throw new IllegalArgumentException("burst means must be at least 1 and the long share in [0, 1]");
        }
    }

    /** A law with one geometric component of the given mean. */
    public static BurstLaw geometric(double mean) {
        return new BurstLaw(mean, 0, mean);
    }

    /** P(a burst that has lasted k >= 1 probes goes on), the chain's q_k. */
    public double continuation(int k) {
        double s1 = 1 - 1 / shortMean;
        double s2 = 1 - 1 / longMean;
        double atLeastK = (1 - longShare) * StrictMath.pow(s1, k - 1) + longShare * StrictMath.pow(s2, k - 1);
        double moreThanK = (1 - longShare) * StrictMath.pow(s1, k) + longShare * StrictMath.pow(s2, k);
        return atLeastK == 0 ? 0 : moreThanK / atLeastK;
    }

    /** Continuations q_1 .. q_{STATES-1}; the last holds for every longer burst. */
    public double[] continuations() {
        double[] q = new double[STATES];
        for (int k = 1; k < STATES; k++) {
            q[k] = continuation(k);
        }
        return q;
    }

    /** Mean burst length of the chain: the sum over m of P(burst >= m). */
    public double meanBurst() {
        double[] q = continuations();
        double sum = 0;
        double atLeast = 1;
        for (int m = 1; m < STATES; m++) {
            sum += atLeast;
            atLeast *= q[m];
        }
        double last = q[STATES - 1];
        return sum + (last >= 1 ? Double.POSITIVE_INFINITY : atLeast / (1 - last));
    }
}
