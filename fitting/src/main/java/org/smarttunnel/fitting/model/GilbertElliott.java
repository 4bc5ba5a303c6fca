package org.smarttunnel.fitting.model;

import java.util.SplittableRandom;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * The Gilbert-Elliott model: a hidden two-state Markov chain, good and bad, stepping once per
 * packet, and in each state its own loss probability. The four parameters are netem's
 * {@code loss gemodel p r 1-h 1-k}: {@code p} = P(good to bad), {@code r} = P(bad to good),
 * {@code lossBad} = 1-h (loss probability in the bad state), {@code lossGood} = 1-k (in the good
 * state). The simple Gilbert model is lossGood = 0, lossBad = 1 (the state is seen); Bernoulli
 * is lossGood = lossBad. States are named so that lossGood &lt;= lossBad. As a {@link MarkovLoss},
 * state 0 is good and state 1 bad; the hidden state moves whatever the packet's fate.
 */
public record GilbertElliott(double p, double r, double lossGood, double lossBad) implements MarkovLoss {
    /** Free parameters, for the information criteria. */
    public static final int PARAMETERS = 4;

    public GilbertElliott {
        for (double v : new double[] {p, r, lossGood, lossBad}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("Gilbert-Elliott parameters are probabilities: " + v);
            }
        }
    }

    /** Stationary probability of the bad state (bad forever when both transitions are 0: the chain never moves, good by convention). */
    public double stationaryBad() {
        return p + r == 0 ? 0 : p / (p + r);
    }

    @Override
    public int states() {
        return 2;
    }

    @Override
    public double lossProbability(int state) {
        return state == 0 ? lossGood : lossBad;
    }

    @Override
    public double transition(int from, boolean lost, int to) {
        double leave = from == 0 ? p : r;
        return from == to ? 1 - leave : leave;
    }

    @Override
    public double[] stationary() {
        double bad = stationaryBad();
        return new double[] {1 - bad, bad};
    }

    @Override
    public String describe() {
        return "p=" + Numbers.number(p) + ";r="
                + Numbers.number(r) + ";1-k="
                + Numbers.number(lossGood) + ";1-h="
                + Numbers.number(lossBad);
    }

    @Override
    public double lossRate() {
        double bad = stationaryBad();
        return (1 - bad) * lossGood + bad * lossBad;
    }

    /** Mean sojourn in the bad state, packets. */
    public double meanBadSojourn() {
        return r == 0 ? Double.POSITIVE_INFINITY : 1 / r;
    }

    /**
     * The log-likelihood of a loss sequence (natural log), by the scaled forward algorithm from
     * the stationary distribution.
     */
    @Override
    public double logLikelihood(LossSequence s) {
        int n = s.length();
        double bad = stationaryBad();
        double a0 = 1 - bad;
        double a1 = bad;
        double ll = 0;
        for (int t = 0; t < n; t++) {
            boolean lost = s.lost(t);
            if (t > 0) {
                double n0 = a0 * (1 - p) + a1 * r;
                double n1 = a0 * p + a1 * (1 - r);
                a0 = n0;
                a1 = n1;
            }
            a0 *= lost ? lossGood : 1 - lossGood;
            a1 *= lost ? lossBad : 1 - lossBad;
            double c = a0 + a1;
            if (c <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += Math.log(c);
            a0 /= c;
            a1 /= c;
        }
        return ll;
    }

    /** A loss sequence of {@code n} packets drawn from the model, the first state from the stationary distribution. */
    public LossSequence simulate(int n, SplittableRandom random) {
        LossSequence.Builder b = new LossSequence.Builder(n);
        boolean inBad = random.nextDouble() < stationaryBad();
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                inBad = inBad ? random.nextDouble() >= r : random.nextDouble() < p;
            }
            b.add(random.nextDouble() < (inBad ? lossBad : lossGood));
        }
        return b.build();
    }

    /** netem's loss clause: {@code loss gemodel p r 1-h 1-k}, percentages. */
    public String netemClause() {
        return "loss gemodel " + Netem.percent(p) + " " + Netem.percent(r) + " " + Netem.percent(lossBad) + " "
                + Netem.percent(lossGood);
    }
}
