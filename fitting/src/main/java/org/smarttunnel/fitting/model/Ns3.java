package org.smarttunnel.fitting.model;

import java.util.Locale;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * A fitted path for the ns-3 simulator (its {@code error-model.h}, 3.37 or newer). ns-3 has no
 * Gilbert-Elliott error model; its {@code BurstErrorModel} starts a burst at a packet with the
 * burst rate and drops as many packets as a burst-size random variable draws. A chain of the
 * extended Gilbert family maps to it as: burst rate = q0 (a loss after a reception), burst size
 * = the chain's burst-length distribution as an {@code EmpiricalRandomVariable} without
 * interpolation. The mapping is first-order: ns-3 also tries a new burst inside a burst and
 * right after one (restarting the count), which q0 &lt;&lt; 1 makes rare. For the measured loss
 * pattern itself, {@code ReceiveListErrorModel} drops the packets whose 0-based arrival index is
 * in its list: the indices of the lost probes.
 */
public final class Ns3 {
    /** Burst lengths are listed until less than this much probability is left; the rest goes to the last. */
    static final double TAIL = 1e-6;
    static final int MAX_LENGTH = 1000;

    private Ns3() {
    }

    /** C++ lines building a {@code BurstErrorModel} named {@code loss} from the chain. */
    public static String burstErrorModel(GilbertModel m) {
        StringBuilder b = new StringBuilder();
        b.append("Ptr<EmpiricalRandomVariable> burstSize = CreateObject<EmpiricalRandomVariable>();\n");
        b.append("burstSize->SetInterpolate(false);\n");
        for (int k = 1; k <= MAX_LENGTH; k++) {
            double left = m.burstAtLeast(k + 1);
            boolean last = left < TAIL || k == MAX_LENGTH;
            double cdf = last ? 1 : 1 - left;
            b.append(String.format(Locale.ROOT, "burstSize->CDF(%d, %s);%n", k, last ? "1.0" : Numbers.number(cdf)));
            if (last) {
                break;
            }
        }
        b.append("Ptr<BurstErrorModel> loss = CreateObject<BurstErrorModel>();\n");
        b.append("loss->SetBurstRate(").append(Numbers.number(m.q(0))).append(");\n");
        b.append("loss->SetRandomBurstSize(burstSize);\n");
        return b.toString();
    }

    /** The 0-based indices of the lost packets, one per line, for {@code ReceiveListErrorModel::SetList}. */
    public static String dropList(LossSequence s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.lost(i)) {
                b.append(i).append('\n');
            }
        }
        return b.toString();
    }
}
