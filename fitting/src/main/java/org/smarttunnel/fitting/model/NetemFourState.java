package org.smarttunnel.fitting.model;

import java.util.Optional;
import org.smarttunnel.common.text.Numbers;

/**
 * netem's 4-state loss model ({@code loss state p13 p31 p32 p23 p14}, the "GI" model of Salsano
 * et al.): state 1 a packet received in a gap, 2 received inside a burst, 3 lost inside a burst,
 * 4 an isolated loss. Every packet moves the chain and the state it reaches is its fate: from 1
 * to 3 with p13, to 4 with p14, else stays; from 2 to 3 with p23; from 3 to 1 with p31, to 2 with
 * p32, else stays; from 4 always to 1. As a {@link MarkovLoss} the state is the one before the
 * packet (0-based: 1 is state 0), a loss from state 1 choosing 3 or 4 at random.
 *
 * <p>The extended Gilbert chain of at most 3 states maps exactly when q1 &lt;= q2 (3 states;
 * fewer states repeat their last q): after a reception the next packet is lost with q0 = p13 +
 * p14; a first loss is isolated (state 4, the next certainly received) with 1 - q1/q2, else in a
 * burst that goes on with q2 = 1 - p31 per packet; p32 = 0, so state 2 is never reached and p23
 * (written as q0) never used. More states map when q2 = q3 = ... .
 */
public record NetemFourState(double p13, double p31, double p32, double p23, double p14) implements MarkovLoss {
    public NetemFourState {
        for (double v : new double[] {p13, p31, p32, p23, p14}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("netem 4-state probabilities: " + v);
            }
        }
    }

    /** The 4-state form of an extended Gilbert chain, empty where none exists (q1 &gt; q2, or q_k differing from k = 2 on). */
    public static Optional<NetemFourState> of(GilbertModel m) {
        int n = m.states();
        double q0 = m.q(0);
        double q1 = m.q(Math.min(1, n - 1));
        double q2 = m.q(Math.min(2, n - 1));
        for (int k = 3; k < n; k++) {
            if (m.q(k) != q2) {
                return Optional.empty();
            }
        }
        if (q1 > q2) {
            return Optional.empty();
        }
        double burst = q2 == 0 ? 0 : q1 / q2;
        return Optional.of(new NetemFourState(q0 * burst, 1 - q2, 0, q0, q0 * (1 - burst)));
    }

    /** {@code loss state p13 p31 p32 p23 p14}, percentages. */
    public String netemClause() {
        return "loss state " + Netem.percent(p13) + " " + Netem.percent(p31) + " " + Netem.percent(p32) + " "
                + Netem.percent(p23) + " " + Netem.percent(p14);
    }

    @Override
    public int states() {
        return 4;
    }

    @Override
    public double lossProbability(int state) {
        return switch (state) {
            case 0 -> p13 + p14;
            case 1 -> p23;
            case 2 -> 1 - p31 - p32;
            default -> 0;
        };
    }

    @Override
    public double transition(int from, boolean lost, int to) {
        if (!lost) {
            return switch (from) {
                case 0 -> to == 0 ? 1 : 0;
                case 1 -> to == 1 ? 1 : 0;
                case 2 -> p31 + p32 == 0 ? (to == 0 ? 1 : 0) : to == 0 ? p31 / (p31 + p32) : to == 1 ? p32 / (p31 + p32) : 0;
                default -> to == 0 ? 1 : 0;
            };
        }
        return switch (from) {
            case 0 -> p13 + p14 == 0 ? (to == 2 ? 1 : 0) : to == 2 ? p13 / (p13 + p14) : to == 3 ? p14 / (p13 + p14) : 0;
            default -> to == 2 ? 1 : 0;
        };
    }

    @Override
    public String describe() {
        return "p13=" + Numbers.number(p13) + ";p31=" + Numbers.number(p31) + ";p32=" + Numbers.number(p32) + ";p23="
                + Numbers.number(p23) + ";p14=" + Numbers.number(p14);
    }
}
