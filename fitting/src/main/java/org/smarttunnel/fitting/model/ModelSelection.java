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
    /** One model scored: its name, states, parameters k, the fitted model, ln L, AIC, BIC. */
    public record Candidate(String model, int states, int parameters, MarkovLoss loss, double logLikelihood,
            double aic, double bic) {
        /** The fitted values as text. */
        public String fittedText() {
            return loss.describe();
        }

        public FittedLoss fitted() {
            return new FittedLoss(model, loss, parameters);
        }
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
            .column(Column.text("fitted", r -> r.candidate().fittedText()))
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
        return of(trace, LossWindow.of(s), StateChoice.AUTO, ge);
    }

    /**
     * The candidates fitted to a window: the chains on its counts, Gilbert-Elliott on its
     * sequence, all scored on its sequence; the extended chain has the states {@code states}
     * resolves to (automatic: {@link TransitionCounts#autoStates}), when more than 2.
     */
    public static ModelSelection of(String trace, LossWindow window, StateChoice states) {
        return of(trace, window, states, GilbertElliottFit.of(window.sequence()));
    }

    private static ModelSelection of(String trace, LossWindow window, StateChoice states, GilbertElliottFit ge) {
        LossSequence s = window.sequence();
        long n = s.length();
        List<Candidate> out = new ArrayList<>();
        TransitionCounts counts = window.counts();
        out.add(chain("bernoulli", counts.fit(1), s));
        out.add(chain("gilbert", counts.fit(2), s));
        int extended = states.resolve(counts);
        if (extended > 2) {
            out.add(chain("extended-gilbert", counts.fit(extended), s));
        }
        out.add(candidate(GilbertElliottType.ID, 2, GilbertElliott.PARAMETERS, ge.model(), ge.logLikelihood(), n));
        return new ModelSelection(trace, n, s.lossCount(), List.copyOf(out));
    }

    private static Candidate chain(String name, GilbertModel model, LossSequence s) {
        return candidate(name, model.states(), model.states(), model, model.logLikelihood(s), s.length());
    }

    private static Candidate candidate(String name, int states, int k, MarkovLoss model, double ll, long n) {
        return new Candidate(name, states, k, model, ll, 2.0 * k - 2 * ll, bic(k, n, ll));
    }

    /** BIC = k ln N - 2 ln L (N at least 1). */
    static double bic(int parameters, long n, double logLikelihood) {
        return parameters * Math.log(Math.max(1, n)) - 2 * logLikelihood;
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
