package org.smarttunnel.eval.congestion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.congestion.Grouping;
import org.smarttunnel.fitting.congestion.PairTest;
import org.smarttunnel.fitting.congestion.SharedCongestion;
import org.smarttunnel.fitting.congestion.Verdict;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.CsvInput;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.ingest.trace.Trace;

/**
 * Shared congestion over a dataset: every pair of the chosen traces tested, the paths grouped
 * (GMS), optionally S of them selected from distinct groups, and, against true groups, the
 * pairs' precision and recall and the selection's SCI (alpha = 2) and Jaccard index.
 */
public final class CongestionAnalysis {
    /** The SCI's weight of missed paths. */
    public static final double ALPHA = 2;

    /** One group member, for groups.csv. */
    public record GroupRow(Grouping.Group group, Grouping.Path path) {
    }

    /** One selected path, for selection.csv. */
    public record SelectionRow(int rank, Grouping.Path path, int group) {
    }

    /** One score, for scores.csv. */
    public record Score(String measure, String value) {
    }

    /** A true group membership, as in a truth file. */
    public record TruthRow(String trace, String group) {
    }

    public static final TableSpec<PairTest> PAIRS = TableSpec.<PairTest>named("pairs.csv")
            .about("congestion: every pair of traces compared, the tests and the verdict; empty where a test has "
                    + "no data")
            .column(Column.text("trace_a", PairTest::a))
            .column(Column.text("trace_b", PairTest::b))
            .column(Column.number("overlap_s", "s", PairTest::overlapS))
            .column(Column.formatted("bins", "bins", p -> tested(p) ? Long.toString(p.bins()) : ""))
            .column(Column.formatted("lossy_a", "bins", p -> tested(p) ? Long.toString(p.lossyA()) : ""))
            .column(Column.formatted("lossy_b", "bins", p -> tested(p) ? Long.toString(p.lossyB()) : ""))
            .column(Column.formatted("lossy_both", "bins", p -> tested(p) ? Long.toString(p.lossyBoth()) : ""))
            .column(Column.formatted("lift", "", p -> p.lift().isPresent() ? Numbers.number(p.lift().getAsDouble())
                    : ""))
            .column(Column.formatted("loss_p", "probability", p -> p.lossP().map(l -> l.text()).orElse("")))
            .column(Column.formatted("delay_bins", "bins", p -> p.delayBins() > 0 ? Long.toString(p.delayBins())
                    : ""))
            .column(Column.formatted("delay_r", "", p -> p.delayR().isPresent()
                    ? Numbers.number(p.delayR().getAsDouble()) : ""))
            .column(Column.formatted("delay_p", "probability", p -> p.delayP().map(l -> l.text()).orElse("")))
            .column(Column.text("verdict", p -> p.verdict().id()))
            .build();

    public static final TableSpec<GroupRow> GROUPS = TableSpec.<GroupRow>named("groups.csv")
            .about("congestion: the groups of paths that share congestion (GMS), every path in one")
            .column(Column.integer("group", "", r -> r.group().number()))
            .column(Column.text("trace", r -> r.path().trace()))
            .column(Column.text("representative", r -> r.group().representative().trace()))
            .column(Column.number("loss_rate", "fraction", r -> r.path().lossRate()))
            .build();

    public static final TableSpec<SelectionRow> SELECTION = TableSpec.<SelectionRow>named("selection.csv")
            .about("congestion --select: the paths selected from distinct groups, best first")
            .column(Column.integer("rank", "", SelectionRow::rank))
            .column(Column.text("trace", r -> r.path().trace()))
            .column(Column.integer("group", "", SelectionRow::group))
            .column(Column.number("loss_rate", "fraction", r -> r.path().lossRate()))
            .build();

    public static final TableSpec<Score> SCORES = TableSpec.<Score>named("scores.csv")
            .about("congestion --truth: how the detection and the selection compare with the true groups")
            .column(Column.text("measure", Score::measure))
            .column(Column.formatted("value", "", Score::value))
            .build();

    public static final TableSpec<TruthRow> TRUTH = TableSpec.<TruthRow>named("groups_truth.csv")
            .about("the true groups of paths sharing a bottleneck (simulate writes it; congestion --truth reads it)")
            .column(Column.text("trace", TruthRow::trace))
            .column(Column.text("group", TruthRow::group))
            .build();

    /** What the analysis found. */
    public record Result(List<PairTest> pairs, List<Grouping.Group> groups, List<SelectionRow> selection,
            List<Score> scores) {
        public long verdicts(Verdict v) {
            return pairs.stream().filter(p -> p.verdict() == v).count();
        }
    }

    private CongestionAnalysis() {
    }

    private static boolean tested(PairTest p) {
        return p.verdict() != Verdict.NOT_CONCURRENT;
    }

    public static Result run(TraceDataset ds, CongestionOptions o) throws IOException, IngestException {
        List<TraceSummary> chosen = choose(ds, o);
        long intervalUs = o.intervalUs().orElse(ds.intervalUs());
        Map<String, Trace> traces = new LinkedHashMap<>();
        for (TraceSummary t : chosen) {
            traces.put(t.id(), ds.load(t.id()));
        }
        List<String> ids = new ArrayList<>(traces.keySet());
        ids.sort(String::compareTo);
        List<PairTest> pairs = new ArrayList<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                PairTest p = SharedCongestion.test(traces.get(ids.get(i)), traces.get(ids.get(j)), intervalUs,
                        o.binUs());
                pairs.add(p);
                verdicts.put(ids.get(i) + "\n" + ids.get(j), p.verdict());
            }
        }
        List<Grouping.Path> paths = new ArrayList<>();
        for (TraceSummary t : chosen) {
            paths.add(new Grouping.Path(t.id(), t.probes() == 0 ? 0 : (double) t.lost() / t.probes()));
        }
        List<Grouping.Group> groups = Grouping.groups(paths, (a, b) -> verdicts.get(a.compareTo(b) < 0 ? a + "\n" + b
                : b + "\n" + a) == Verdict.SHARED);
        List<SelectionRow> selection = selection(groups, o.select());
        List<Score> scores = o.truth().isPresent() ? scores(o.truth().get(), paths, pairs, groups, o.select())
                : List.of();
        return new Result(pairs, groups, selection, scores);
    }

    private static List<TraceSummary> choose(TraceDataset ds, CongestionOptions o) throws IngestException {
        if (!o.traces().isEmpty()) {
            List<TraceSummary> out = new ArrayList<>();
            for (String id : o.traces()) {
                out.add(ds.trace(id).orElseThrow(() -> IngestException.inFile(ds.dir().resolve(TraceDataset.INDEX)
                        .toString(), "no trace '" + id + "'")));
            }
            return out;
        }
        return ds.traces().stream().filter(t -> t.probes() > 0)
                .filter(t -> o.site().isEmpty() || t.info().site().equals(o.site().get())).toList();
    }

    static List<SelectionRow> selection(List<Grouping.Group> groups, OptionalInt select) {
        if (select.isEmpty()) {
            return List.of();
        }
        Map<String, Grouping.Group> of = Grouping.membership(groups);
        List<SelectionRow> out = new ArrayList<>();
        for (Grouping.Path p : Grouping.select(groups, select.getAsInt())) {
            out.add(new SelectionRow(out.size() + 1, p, of.get(p.trace()).number()));
        }
        return out;
    }

    private static List<Score> scores(Path truthFile, List<Grouping.Path> paths, List<PairTest> pairs,
            List<Grouping.Group> groups, OptionalInt select) throws IOException, IngestException {
        Map<String, String> truth = new HashMap<>();
        CsvInput.read(truthFile, TRUTH, (r, line) -> truth.put(r.get(0), r.get(1)));
        long truly = 0;
        long detected = 0;
        long both = 0;
        for (PairTest p : pairs) {
            boolean t = truth.containsKey(p.a()) && truth.get(p.a()).equals(truth.get(p.b()));
            boolean d = p.verdict() == Verdict.SHARED;
            truly += t ? 1 : 0;
            detected += d ? 1 : 0;
            both += t && d ? 1 : 0;
        }
        List<Score> out = new ArrayList<>(List.of(
                new Score("pairs", Long.toString(pairs.size())),
                new Score("truly_shared_pairs", Long.toString(truly)),
                new Score("detected_shared_pairs", Long.toString(detected)),
                new Score("correctly_detected_pairs", Long.toString(both)),
                new Score("pair_precision", detected == 0 ? "" : Numbers.number((double) both / detected)),
                new Score("pair_recall", truly == 0 ? "" : Numbers.number((double) both / truly))));
        if (select.isPresent()) {
            List<String> correct = Grouping.select(Grouping.known(paths, truth), select.getAsInt()).stream()
                    .map(Grouping.Path::trace).toList();
            List<String> result = Grouping.select(groups, select.getAsInt()).stream().map(Grouping.Path::trace)
                    .toList();
            out.add(new Score("correct_selection", String.join(";", correct)));
            out.add(new Score("selection", String.join(";", result)));
            out.add(new Score("sci", Numbers.number(Grouping.sci(correct, result, truth, ALPHA))));
            out.add(new Score("jaccard", Numbers.number(Grouping.jaccard(correct, result))));
        }
        return out;
    }

    /** The rows of groups.csv. */
    public static List<GroupRow> groupRows(List<Grouping.Group> groups) {
        List<GroupRow> out = new ArrayList<>();
        for (Grouping.Group g : groups) {
            g.members().forEach(p -> out.add(new GroupRow(g, p)));
        }
        return out;
    }

    /** A score by name, if present. */
    public static Optional<String> score(List<Score> scores, String measure) {
        return scores.stream().filter(s -> s.measure().equals(measure)).map(Score::value).findFirst();
    }
}
