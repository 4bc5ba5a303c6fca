package org.smarttunnel.fitting.stats;

import java.util.Arrays;
import org.smarttunnel.fitting.model.LossChain;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * What the exact statistics derive from a loss chain, computed when first asked for and kept:
 * its matrix powers, the transfers from one carried slot to the next, and their factored
 * form. A {@link LossChain} (the next state decided by the outcome) has faster forms than a
 * general {@link MarkovLoss} (a hidden Markov model), which keeps its transitions as matrices.
 * The chain itself stays a plain value; a calculator keeps the tables of the chains it
 * scores ({@link ExactFec}). Safe to share between threads (a race only computes a table twice).
 */
public final class ChainTables {
    private final int n;
    private final double[] q;
    private final int[] afterLoss;
    private final int[] afterReception;
    /** P(received in s, then state t) at s*n + t, and the same for lost. */
    private final double[] received;
    private final double[] lost;
    private final boolean deterministic;
    private final double[] stationary;
    private final boolean renewing;
    private final boolean gilbert;
    private volatile double[][] powers = new double[0][];
    private volatile double[][] transfers = new double[0][];
    private volatile double[][] lostTransfers = new double[0][];
    private volatile double[][] fullTransfers = new double[0][];
    /** The last matrix power the transfers were extended with: they grow from it instead of keeping every power. */
    private volatile Power last;

    private record Power(int g, double[] matrix) {
    }

    public ChainTables(MarkovLoss model) {
        n = model.states();
        q = new double[n];
        afterLoss = new int[n];
        afterReception = new int[n];
        received = new double[n * n];
        lost = new double[n * n];
        deterministic = model instanceof LossChain;
        boolean renew = deterministic;
        boolean counting = deterministic;
        for (int s = 0; s < n; s++) {
            q[s] = model.lossProbability(s);
            if (model instanceof LossChain chain) {
                afterLoss[s] = chain.next(s, true);
                afterReception[s] = chain.next(s, false);
                renew &= afterReception[s] == 0;
                counting &= afterLoss[s] == Math.min(s + 1, n - 1);
            }
            for (int t = 0; t < n; t++) {
                received[s * n + t] = (1 - q[s]) * model.transition(s, false, t);
                lost[s * n + t] = q[s] * model.transition(s, true, t);
            }
        }
        stationary = model.stationary();
        renewing = renew;
        gilbert = renew && counting;
    }

    public int states() {
        return n;
    }

    public double lossProbability(int s) {
        return q[s];
    }

    /** The state after a loss in {@code s}; only for a {@link LossChain} ({@link #deterministic}). */
    public int afterLoss(int s) {
        return afterLoss[s];
    }

    /** The state after a reception in {@code s}; only for a {@link LossChain}. */
    public int afterReception(int s) {
        return afterReception[s];
    }

    /** Whether the chain is a {@link LossChain}: the outcome decides the next state. */
    public boolean deterministic() {
        return deterministic;
    }

    /** P(received in {@code s}, then state {@code t}). */
    public double received(int s, int t) {
        return received[s * n + t];
    }

    /** P(lost in {@code s}, then state {@code t}). */
    public double lost(int s, int t) {
        return lost[s * n + t];
    }

    public double stationary(int s) {
        return stationary[s];
    }

    /** Whether every reception returns the chain to state 0, as {@link #transfers} assumes. */
    public boolean renewsOnReception() {
        return renewing;
    }

    /**
     * P^g for g = 0..maxPower, each flattened row-major (entry [i*n + j]); computed once and
     * kept, since schedules reuse them for every allocation.
     */
    public double[][] powers(int maxPower) {
        double[][] cached = powers;
        if (cached.length > maxPower) {
            return cached;
        }
        double[][] out = Arrays.copyOf(cached, maxPower + 1);
        int from = cached.length;
        if (from == 0) {
            out[0] = identity();
            from = 1;
        }
        for (int g = from; g <= maxPower; g++) {
            out[g] = step(out[g - 1]);
        }
        powers = out;
        return out;
    }

    private double[] identity() {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1;
        }
        return m;
    }

    /**
     * P^g by the same products as {@link #powers}, continuing from the last power asked for
     * when it is not beyond g: the transfers grow gap by gap without keeping every power.
     */
    private double[] power(int g) {
        Power p = last;
        if (p == null || p.g() > g) {
            p = new Power(0, identity());
        }
        while (p.g() < g) {
            p = new Power(p.g() + 1, step(p.matrix()));
        }
        last = p;
        return p.matrix();
    }

    /**
     * For g = 0..maxGap (at least; the gaps asked for so far), the move from "before a carried
     * slot" to "before the next carried slot g slots later", split by the fate of that next slot: entries [0, n) hold
     * P(next slot received | state k now), entries n + k*n + t hold P(next slot lost and the
     * chain then in state t | state k now). After a reception the chain is in state 0, so the
     * chain must renew on reception ({@link #renewsOnReception}).
     */
    public double[][] transfers(int maxGap) {
        if (!renewing) {
            throw new IllegalStateException("transfers need a chain that returns to state 0 after a reception");
        }
        double[][] cached = transfers;
        if (cached.length > maxGap) {
            return cached;
        }
        double[][] out = Arrays.copyOf(cached, maxGap + 1);
        for (int g = cached.length; g <= maxGap; g++) {
            double[] pw = power(g);
            double[] t = new double[n + n * n];
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < n; s++) {
                    double reach = pw[k * n + s];
                    t[k] += reach * (1 - q[s]);
                    t[n + k * n + afterLoss[s]] += reach * q[s];
                }
            }
            out[g] = t;
        }
        transfers = out;
        return out;
    }

    /**
     * The "lost" half of {@link #transfers} in a factored form, for gaps g = 0..min(maxGap, n-3)
     * (where it is cheaper than the dense n x n form); empty unless the chain is an extended
     * Gilbert chain (a loss in state k leads to min(k+1, n-1), a reception to 0). After g
     * uncarried slots the chain is in state j &lt; g only if slot g-j was received:
     * P(j | k) = P(state 0 after g-j steps | k) Q(j), Q(j) = q_0 ... q_{j-1}; otherwise every
     * slot was lost and it is in state min(k+g, n-1). So P(next slot lost, then state s | k) is,
     * for 1 &lt;= s &lt;= g, a[s-1][k] = P(state 0 after g-s+1 steps | k) Q(s-1) q_{s-1}, entry
     * (s-1)*n + k; plus, into state min(k+g+1, n-1), b[k] = q_k ... q_{min(k+g, n-1)} (the run
     * of losses from k), entry g*n + k.
     */
    public double[][] lostTransfers(int maxGap) {
        int top = Math.min(maxGap, n - 3);
        double[][] cached = lostTransfers;
        if (!gilbert || top < 0 || cached.length > top) {
            return cached;
        }
        double[][] pw = new double[top + 2][];
        pw[0] = identity();
        for (int g = 1; g <= top + 1; g++) {
            pw[g] = step(pw[g - 1]);
        }
        double[][] out = new double[top + 1][];
        for (int g = 0; g <= top; g++) {
            double[] t = new double[(g + 1) * n];
            for (int s = 1; s <= g; s++) {
                double runFromZero = 1;
                for (int l = 0; l < s - 1; l++) {
                    runFromZero *= q[Math.min(l, n - 1)];
                }
                double factor = runFromZero * q[s - 1];
                for (int k = 0; k < n; k++) {
                    t[(s - 1) * n + k] = pw[g - s + 1][k * n] * factor;
                }
            }
            for (int k = 0; k < n; k++) {
                double run = 1;
                for (int l = 0; l <= g; l++) {
                    run *= q[Math.min(k + l, n - 1)];
                }
                t[g * n + k] = run;
            }
            out[g] = t;
        }
        lostTransfers = out;
        return out;
    }

    /**
     * For g = 0..maxGap, the move from "before a carried slot" to "before the next carried slot
     * g slots later" for any chain, split by the fate of that next slot and the state after it:
     * entries k*n + t hold P(next slot received, then state t | state k now), entries
     * n*n + k*n + t the same for lost. {@link #transfers} is the compact form for chains that
     * renew on reception.
     */
    public double[][] fullTransfers(int maxGap) {
        double[][] cached = fullTransfers;
        if (cached.length > maxGap) {
            return cached;
        }
        double[][] out = Arrays.copyOf(cached, maxGap + 1);
        for (int g = cached.length; g <= maxGap; g++) {
            double[] pw = power(g);
            double[] t = new double[2 * n * n];
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < n; s++) {
                    double reach = pw[k * n + s];
                    if (reach == 0) {
                        continue;
                    }
                    for (int u = 0; u < n; u++) {
                        t[k * n + u] += reach * received[s * n + u];
                        t[n * n + k * n + u] += reach * lost[s * n + u];
                    }
                }
            }
            out[g] = t;
        }
        fullTransfers = out;
        return out;
    }

    /** M P for a flattened n x n matrix M, using P's two non-zero entries per row (a {@link LossChain}) or all. */
    private double[] step(double[] m) {
        double[] r = new double[n * n];
        if (!deterministic) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double v = m[i * n + k];
                    if (v != 0) {
                        for (int t = 0; t < n; t++) {
                            r[i * n + t] += v * (received[k * n + t] + lost[k * n + t]);
                        }
                    }
                }
            }
            return r;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = m[i * n + k];
                if (v != 0) {
                    r[i * n + afterReception[k]] += v * (1 - q[k]);
                    r[i * n + afterLoss[k]] += v * q[k];
                }
            }
        }
        return r;
    }

    /**
     * P(L_j = 1 and L_{j+g} = 1) in stationarity for g = 0..maxGap: the loss-pair function the
     * variance of a slot set is built from (METHOD section 5).
     */
    public static double[] pairLoss(MarkovLoss model, int maxGap) {
        if (!(model instanceof LossChain chain)) {
            return pairLossGeneral(model, maxGap);
        }
        int n = chain.states();
        double[] pi = chain.stationary();
        double[] c = new double[maxGap + 1];
        c[0] = chain.lossRate();
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[chain.next(k, true)] += pi[k] * chain.lossProbability(k);
        }
        for (int g = 1; g <= maxGap; g++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += v[k] * chain.lossProbability(k);
            }
            c[g] = s;
            double[] next = new double[n];
            for (int k = 0; k < n; k++) {
                double q = chain.lossProbability(k);
                next[chain.next(k, false)] += v[k] * (1 - q);
                next[chain.next(k, true)] += v[k] * q;
            }
            v = next;
        }
        return c;
    }

    /** {@link #pairLoss} for any chain: the mass of "lost now" carried through the transition probabilities. */
    private static double[] pairLossGeneral(MarkovLoss model, int maxGap) {
        int n = model.states();
        double[] pi = model.stationary();
        double[] c = new double[maxGap + 1];
        c[0] = model.lossRate();
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                v[t] += pi[k] * model.lossProbability(k) * model.transition(k, true, t);
            }
        }
        for (int g = 1; g <= maxGap; g++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += v[k] * model.lossProbability(k);
            }
            c[g] = s;
            double[] next = new double[n];
            for (int k = 0; k < n; k++) {
                double q = model.lossProbability(k);
                for (int t = 0; t < n; t++) {
                    next[t] += v[k] * ((1 - q) * model.transition(k, false, t) + q * model.transition(k, true, t));
                }
            }
            v = next;
        }
        return c;
    }
}
