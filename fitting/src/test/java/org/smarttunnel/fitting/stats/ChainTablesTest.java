package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertElliott;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * The transfers grow gap by gap from the last matrix power instead of from every power kept:
 * whatever order the gaps are asked in, each entry is the number the plain definition
 * (P^g from {@link ChainTables#powers}, then the loss split) gives, bit for bit.
 */
class ChainTablesTest {
    private static final int GROUP = 40;

    @Test
    void transfersGrownInAnyOrderEqualThePlainDefinition() {
        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int states = 1 + random.nextInt(16);
            double[] q = new double[states];
            for (int s = 0; s < states; s++) {
                q[s] = random.nextDouble() * (s == 0 ? 0.05 : 1);
            }
            GilbertModel m = GilbertModel.of(q);
            ChainTables grown = new ChainTables(m);
            for (int i = 0; i < 6; i++) {
                grown.transfers(random.nextInt(GROUP + 1));
            }
            double[][] expected = plainTransfers(m, GROUP);
            double[][] got = grown.transfers(GROUP);
            for (int g = 0; g <= GROUP; g++) {
                assertBitEqual(expected[g], got[g], m + " gap " + g);
            }
            double[][] lost = new ChainTables(m).lostTransfers(GROUP);
            double[][] plainLost = plainLostTransfers(m, GROUP);
            assertEquals(plainLost.length, lost.length);
            for (int g = 0; g < lost.length; g++) {
                assertBitEqual(plainLost[g], lost[g], m + " factored gap " + g);
            }
        }
    }

    @Test
    void fullTransfersOfAHiddenChainGrownInAnyOrderEqualThePlainDefinition() {
        for (MarkovLoss m : List.of(new GilbertElliott(0.01, 0.3, 0.001, 0.6), new GilbertElliott(0.2, 0.5, 0, 1))) {
            ChainTables grown = new ChainTables(m);
            grown.fullTransfers(3);
            grown.fullTransfers(1);
            grown.fullTransfers(17);
            ChainTables plain = new ChainTables(m);
            double[][] pw = plain.powers(GROUP);
            int n = m.states();
            double[][] got = grown.fullTransfers(GROUP);
            for (int g = 0; g <= GROUP; g++) {
                double[] t = new double[2 * n * n];
                for (int k = 0; k < n; k++) {
                    for (int s = 0; s < n; s++) {
                        double reach = pw[g][k * n + s];
                        if (reach == 0) {
                            continue;
                        }
                        for (int u = 0; u < n; u++) {
                            t[k * n + u] += reach * plain.received(s, u);
                            t[n * n + k * n + u] += reach * plain.lost(s, u);
                        }
                    }
                }
                assertBitEqual(t, got[g], m + " gap " + g);
            }
        }
    }

    /** P^g from all powers kept, then the split by the next slot's fate (the first implementation). */
    private static double[][] plainTransfers(GilbertModel m, int maxGap) {
        ChainTables c = new ChainTables(m);
        int n = c.states();
        double[][] pw = c.powers(maxGap);
        double[][] out = new double[maxGap + 1][];
        for (int g = 0; g <= maxGap; g++) {
            double[] t = new double[n + n * n];
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < n; s++) {
                    double reach = pw[g][k * n + s];
                    t[k] += reach * (1 - c.lossProbability(s));
                    t[n + k * n + c.afterLoss(s)] += reach * c.lossProbability(s);
                }
            }
            out[g] = t;
        }
        return out;
    }

    private static double[][] plainLostTransfers(GilbertModel m, int maxGap) {
        ChainTables c = new ChainTables(m);
        int n = c.states();
        int top = Math.min(maxGap, n - 3);
        if (top < 0) {
            return new double[0][];
        }
        double[][] pw = c.powers(top + 1);
        double[][] out = new double[top + 1][];
        for (int g = 0; g <= top; g++) {
            double[] t = new double[(g + 1) * n];
            for (int s = 1; s <= g; s++) {
                double runFromZero = 1;
                for (int l = 0; l < s - 1; l++) {
                    runFromZero *= c.lossProbability(Math.min(l, n - 1));
                }
                double factor = runFromZero * c.lossProbability(s - 1);
                for (int k = 0; k < n; k++) {
                    t[(s - 1) * n + k] = pw[g - s + 1][k * n] * factor;
                }
            }
            for (int k = 0; k < n; k++) {
                double run = 1;
                for (int l = 0; l <= g; l++) {
                    run *= c.lossProbability(Math.min(k + l, n - 1));
                }
                t[g * n + k] = run;
            }
            out[g] = t;
        }
        return out;
    }

    private static void assertBitEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " entry " + i);
        }
    }
}
