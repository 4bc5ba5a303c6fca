package org.smarttunnel.fitting.model;

import java.math.BigDecimal;
import java.math.MathContext;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * A fitted path as a Linux netem loss model, so it can be emulated. Bernoulli maps to
 * {@code loss random}; the 2-state Gilbert model to {@code loss gemodel p r 1-h 1-k} with
 * p = q0 (good to bad, i.e. a loss after a reception), r = 1 - q1 (bad to good), 1-h = 100%
 * (every packet in the bad state is lost) and 1-k = 0% (none in the good state), which netem
 * also accepts as {@code loss state p13 p31}. netem has no n-state extended Gilbert model; 3
 * states map to its 4-state model where q1 &lt;= q2 ({@link NetemFourState}).
 */
public final class Netem {
    private Netem() {
    }

    /** The netem loss clause of a 1- or 2-state model. */
    public static String lossClause(GilbertModel m) {
        if (m.states() == 1) {
            return "loss random " + percent(m.q(0));
        }
        if (m.states() == 2) {
            return "loss gemodel " + percent(m.q(0)) + " " + percent(1 - m.q(1)) + " 100% 0%";
        }
        throw new InvalidSettingException(Setting.STATES, "must be 1 or 2 for netem, which has no " + m.states()
                + "-state extended Gilbert model");
    }

    /** The full command for a device. */
    public static String command(GilbertModel m, String device) {
        return "tc qdisc add dev " + device + " root netem " + lossClause(m);
    }

    /**
     * netem's delay clause for one-way delays in µs (received probes only): {@code delay MEAN
     * JITTER distribution normal}, the mean and the population standard deviation in ms with
     * three decimals; empty when there are none. netem's jitter is the normal distribution's sigma
     * with {@code distribution normal} (uniform without it).
     */
    public static String delayClause(double[] delaysUs) {
        if (delaysUs.length == 0) {
            return "";
        }
        double sum = 0;
        for (double d : delaysUs) {
            sum += d;
        }
        double mean = sum / delaysUs.length;
        double squares = 0;
        for (double d : delaysUs) {
            squares += (d - mean) * (d - mean);
        }
        double sigma = Math.sqrt(squares / delaysUs.length);
        return String.format(java.util.Locale.ROOT, "delay %.3fms %.3fms distribution normal ", Math.max(0, mean) / 1000,
                sigma / 1000);
    }

    static String percent(double p) {
        BigDecimal v = new BigDecimal(p * 100).round(new MathContext(6)).stripTrailingZeros();
        return (v.signum() == 0 ? "0" : v.toPlainString()) + "%";
    }
}
