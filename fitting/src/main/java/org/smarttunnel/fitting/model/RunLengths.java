package org.smarttunnel.fitting.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * Burst and gap lengths of a loss sequence beside what each fitted model implies. A burst is a
 * maximal run of losses (one cut by the sequence's end counts with the length seen); a gap is a
 * run of receptions between two losses (the runs before the first loss and after the last are
 * left out: their length says when the sequence started and ended). Lengths go into bins — 1 to
 * 10 each, then 11-20, 21-50, 51-100, 101-200, 201-500 and so on — and each model's share of a
 * bin is P(length &gt;= from) - P(length &gt;= to + 1) under the model. Goodness of fit per model is
 * the total-variation distance between the observed and the modelled shares over the bins up to
 * the longest observed, the model's mass beyond counting in full.
 */
public final class RunLengths {
    /** Loss bursts or reception gaps. */
    public enum Kind {
        BURST("burst"), GAP("gap");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    /** The models compared, as in {@link ModelSelection} (the extended Gilbert one with its automatic states). */
    static final List<String> MODELS = List.of("bernoulli", "gilbert", "extended-gilbert", "gilbert-elliott");

    /** One bin of one kind of one trace: observed count and share, and every model's share. */
    public record Row(String trace, Kind kind, int from, int to, long observed, double observedShare, double[] model) {
        String bin() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("histograms.csv")
            .about("burst and gap lengths of each trace, observed and as each fitted model implies, by length bin")
            .column(Column.text("trace", Row::trace))
            .column(Column.text("kind", r -> r.kind().id))
            .column(Column.text("length", Row::bin))
            .column(Column.integer("from", "packets", Row::from))
            .column(Column.integer("to", "packets", Row::to))
            .column(Column.integer("observed", "runs", Row::observed))
            .column(Column.number("observed_share", "fraction", Row::observedShare))
            .column(Column.number("bernoulli", "fraction", r -> r.model()[0]))
            .column(Column.number("gilbert", "fraction", r -> r.model()[1]))
            .column(Column.number("extended_gilbert", "fraction", r -> r.model()[2]))
            .column(Column.number("gilbert_elliott", "fraction", r -> r.model()[3]))
            .build();

    /** A trace's bins and the distance of each model from the observed shares, per kind. */
    public record Result(String trace, List<Row> rows, double[] burstDistance, double[] gapDistance, long bursts,
            long gaps) {
    }

    private RunLengths() {
    }

    public static Result of(String trace, LossSequence s) {
        return of(trace, s, GilbertElliottFit.of(s).model());
    }

    /** With the sequence's Gilbert-Elliott model already fitted. */
    public static Result of(String trace, LossSequence s, GilbertElliott ge) {
        List<Long> bursts = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        int n = s.length();
        int i = 0;
        boolean seenLoss = false;
        while (i < n) {
            boolean lost = s.lost(i);
            int j = i;
            while (j < n && s.lost(j) == lost) {
                j++;
            }
            if (lost) {
                bursts.add((long) (j - i));
                seenLoss = true;
            } else if (seenLoss && j < n) {
                gaps.add((long) (j - i));
            }
            i = j;
        }
        TransitionCounts counts = TransitionCounts.of(s);
        GilbertModel bernoulli = counts.fit(1);
        GilbertModel gilbert = counts.fit(2);
        GilbertModel extended = counts.fit(Math.max(1, counts.autoStates()));
        List<IntToDoubleFunction> burstAtLeast = List.of(bernoulli::burstAtLeast, gilbert::burstAtLeast,
                extended::burstAtLeast, m -> ge.runAtLeast(true, m));
        List<IntToDoubleFunction> gapAtLeast = List.of(m -> Math.pow(1 - bernoulli.q(0), m - 1),
                m -> Math.pow(1 - gilbert.q(0), m - 1), m -> Math.pow(1 - extended.q(0), m - 1),
                m -> ge.runAtLeast(false, m));
        List<Row> rows = new ArrayList<>();
        double[] burstDistance = bins(trace, Kind.BURST, bursts, burstAtLeast, rows);
        double[] gapDistance = bins(trace, Kind.GAP, gaps, gapAtLeast, rows);
        return new Result(trace, rows, burstDistance, gapDistance, bursts.size(), gaps.size());
    }

    /** Bin edges: 1..10, then 11-20, 21-50, 51-100, 101-200, ... (1-2-5 steps). */
    static List<int[]> binsUpTo(long longest) {
        List<int[]> out = new ArrayList<>();
        for (int k = 1; k <= Math.min(10, longest); k++) {
            out.add(new int[] {k, k});
        }
        long from = 11;
        long[] steps = {2, 5, 10};
        long decade = 10;
        int step = 0;
        while (from <= longest) {
            long to = Math.min(Integer.MAX_VALUE - 1, steps[step] * decade);
            out.add(new int[] {(int) from, (int) to});
            from = to + 1;
            if (++step == steps.length) {
                step = 0;
                decade *= 10;
            }
        }
        return out;
    }

    private static double[] bins(String trace, Kind kind, List<Long> lengths, List<IntToDoubleFunction> atLeast,
            List<Row> rows) {
        long longest = lengths.stream().mapToLong(Long::longValue).max().orElse(0);
        long total = lengths.size();
        double[] distance = new double[atLeast.size()];
        double[] covered = new double[atLeast.size()];
        for (int[] bin : binsUpTo(longest)) {
            long observed = lengths.stream().filter(l -> l >= bin[0] && l <= bin[1]).count();
            double share = total == 0 ? 0 : (double) observed / total;
            double[] model = new double[atLeast.size()];
            for (int m = 0; m < model.length; m++) {
                model[m] = Math.max(0, atLeast.get(m).applyAsDouble(bin[0]) - atLeast.get(m).applyAsDouble(bin[1] + 1));
                distance[m] += Math.abs(share - model[m]);
                covered[m] += model[m];
            }
            rows.add(new Row(trace, kind, bin[0], bin[1], observed, share, model));
        }
        for (int m = 0; m < distance.length; m++) {
            distance[m] = total == 0 ? Double.NaN : (distance[m] + Math.max(0, 1 - covered[m])) / 2;
        }
        return distance;
    }

    /** A distance as printed: three decimals, "-" without runs. */
    public static String distanceText(double d) {
        return Double.isNaN(d) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
