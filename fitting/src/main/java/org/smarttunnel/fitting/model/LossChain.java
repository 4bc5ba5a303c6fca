package org.smarttunnel.fitting.model;

/**
 * A Markov loss chain whose next state the outcome decides: a finite set of states, in each the
 * probability that the packet in this slot is lost, and the state the chain moves to after a
 * loss or a reception. The extended Gilbert model is one; the exact loss statistics
 * ({@code fitting.stats}) step it every slot, carried or not, and have faster paths for it.
 */
public interface LossChain extends MarkovLoss {
    /** The state after this slot's packet was lost ({@code lost}) or received. */
    int next(int state, boolean lost);

    @Override
    default double transition(int from, boolean lost, int to) {
        return next(from, lost) == to ? 1 : 0;
    }

    @Override
    default String describe() {
        return "q=" + MarkovLoss.lossText(this);
    }

    /**
     * The stationary distribution (a copy). This default solves the balance equations by
     * Gaussian elimination; a chain with a closed form overrides it.
     */
    @Override
    default double[] stationary() {
        int n = states();
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            double q = lossProbability(s);
            a[next(s, true)][s] += q;
            a[next(s, false)][s] += 1 - q;
            a[s][s] -= 1;
        }
        return Balance.solve(a);
    }
}
