package org.smarttunnel.fitting.model;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * Which loss model a loss sequence supports, by the information criteria: Bernoulli (1
 * parameter), the 2-state Gilbert model (2), the extended Gilbert model with the automatic
 * number of states n when that is more than 2 (n parameters), and Gilbert-Elliott (4), each
 * fitted by maximum likelihood (counts for the chains, EM for Gilbert-Elliott) and scored on the
 * whole sequence from its stationary distribution. AIC = 2k - 2 ln L, BIC = k ln N - 2 ln L;
 * the least wins, ties to the simpler model (listed first).
 *
 * @param trace the sequence's name (a trace id)
 * @param probes its length N
 * @param lost its losses
 * @param candidates every model scored, simplest first
 */
public record ModelSelection(String trace, long probes, long lost, List<Candidate> candidates) {
    /** One model scored: its name, states, parameters k, fitted values as text, ln L, AIC, BIC. */
    public record Candidate(String model, int states, int parameters, String fitted, double logLikelihood, double aic,
            double bic) {
    }

    /** One row per (sequence, model) of {@code selection.csv}. */
    public record Row(ModelSelection selection, Candidate candidate) {
        String chosen() {
            boolean aic = selection.byAic() == candidate;
            boolean bic = selection.byBic() == candidate;
            return aic && bic ? "aic;bic" : aic ? "aic" : bic ? "bic" : "";
        }
    }

    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("selection.csv")
            .about("one row per (trace, loss model): the model fitted to the whole trace and its information criteria")
            .column(Column.text("trace", r -> r.selection().trace()))
            .column(Column.integer("probes", "probes", r -> r.selection().probes()))
            .column(Column.integer("lost", "probes", r -> r.selection().lost()))
            .column(Column.text("model", r -> r.candidate().model()))
            .column(Column.integer("states", "states", r -> r.candidate().states()))
            .column(Column.integer("parameters", "k", r -> r.candidate().parameters()))
            .column(Column.text("fitted", r -> r.candidate().fitted()))
            .column(Column.number("log_likelihood", "nats", r -> r.candidate().logLikelihood()))
            .column(Column.number("aic", "nats", r -> r.candidate().aic()))
            .column(Column.number("bic", "nats", r -> r.candidate().bic()))
            .column(Column.text("chosen", Row::chosen))
            .build();

    public static ModelSelection of(String trace, LossSequence s) {
        return of(trace, s, GilbertElliottFit.of(s));
    }

    /** With the sequence's Gilbert-Elliott fit already made (it is the costly one). */
    public static ModelSelection of(String trace, LossSequence s, GilbertElliottFit ge) {
        long n = s.length();
        List<Candidate> out = new ArrayList<>();
        TransitionCounts counts = TransitionCounts.of(s);
        out.add(chain("bernoulli", counts.fit(1), s));
        out.add(chain("gilbert", counts.fit(2), s));
        int auto = counts.autoStates();
        if (auto > 2) {
            out.add(chain("extended-gilbert", counts.fit(auto), s));
        }
        GilbertElliott m = ge.model();
        out.add(candidate("gilbert-elliott", 2, GilbertElliott.PARAMETERS, "p=" + Numbers.number(m.p()) + ";r="
                + Numbers.number(m.r()) + ";1-k=" + Numbers.number(m.lossGood()) + ";1-h="
                + Numbers.number(m.lossBad()), ge.logLikelihood(), n));
        return new ModelSelection(trace, n, s.lossCount(), List.copyOf(out));
    }

    private static Candidate chain(String name, GilbertModel model, LossSequence s) {
        StringBuilder q = new StringBuilder("q=");
        for (int k = 0; k < model.states(); k++) {
            q.append(k == 0 ? "" : ";").append(Numbers.number(model.q(k)));
        }
        return candidate(name, model.states(), model.states(), q.toString(), logLikelihood(model, s), s.length());
    }

    private static Candidate candidate(String name, int states, int k, String fitted, double ll, long n) {
        double aic = 2.0 * k - 2 * ll;
        double bic = k * Math.log(Math.max(1, n)) - 2 * ll;
        return new Candidate(name, states, k, fitted, ll, aic, bic);
    }

    /**
     * ln L of a loss chain: the forward recursion over its states from the stationary
     * distribution (the chain's state is known once a packet is received; before, it is a mixture).
     */
    public static double logLikelihood(LossChain chain, LossSequence s) {
        int n = chain.states();
        double[] a = chain.stationary();
        double[] next = new double[n];
        double ll = 0;
        for (int t = 0; t < s.length(); t++) {
            boolean lost = s.lost(t);
            java.util.Arrays.fill(next, 0);
            double c = 0;
            for (int k = 0; k < n; k++) {
                if (a[k] == 0) {
                    continue;
                }
                double q = chain.lossProbability(k);
                double v = a[k] * (lost ? q : 1 - q);
                next[chain.next(k, lost)] += v;
                c += v;
            }
            if (!(c > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += Math.log(c);
            for (int k = 0; k < n; k++) {
                a[k] = next[k] / c;
            }
        }
        return ll;
    }

    /** The candidate with the least AIC (the simpler on a tie). */
    public Candidate byAic() {
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.aic() < best.aic()) {
                best = c;
            }
        }
        return best;
    }

    /** The candidate with the least BIC (the simpler on a tie). */
    public Candidate byBic() {
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.bic() < best.bic()) {
                best = c;
            }
        }
        return best;
    }

    public List<Row> rows() {
        return candidates.stream().map(c -> new Row(this, c)).toList();
    }
}
