package org.smarttunnel.replay.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.fitting.congestion.Grouping;
import org.smarttunnel.fitting.congestion.PairTest;
import org.smarttunnel.fitting.congestion.SharedCongestion;
import org.smarttunnel.fitting.congestion.Verdict;
import org.smarttunnel.fitting.model.LossWindow;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * The paths an allocator sees in one interval and mode, and the loss sequences the replay uses
 * for them. Without shared-path handling every trace is a path. Otherwise the tunnel's traces
 * are tested pairwise for shared congestion on the window the mode's models are fitted on (the
 * interval itself for oracle, the history for predicted) and grouped (GMS). MERGE: a group of m
 * members is one path whose loss sequence interleaves theirs slot by slot (slot j from member
 * j mod m, members in trace-id order), fitted like any path (its delays are its first
 * member's); the slots the schedule gives it go to its members in the same rotation, so its
 * replay uses their real losses. AVOID: a group keeps only its best member (the lowest model
 * loss rate, ties by trace id).
 */
final class PathPlan {
    /**
     * A path the allocator sees: its traces (indices, in trace-id order), its model, its
     * interval's losses and one-way delays (half-µs; empty when the traces carry none).
     */
    record Virtual(List<Integer> members, PathModel model, LossSequence loss, Optional<int[]> delays) {
    }

    private PathPlan() {
    }

    /** The plan of interval k in a mode; empty when a path has no model there. */
    static Optional<List<Virtual>> plan(List<IntervalFits> fits, List<String> ids, FitMode mode, int k,
            ReplayOptions o) {
        List<PathModel> models = new ArrayList<>();
        for (IntervalFits f : fits) {
            Optional<PathModel> m = f.pathModel(k, mode, o.models());
            if (m.isEmpty()) {
                return Optional.empty();
            }
            models.add(m.get());
        }
        List<List<Integer>> groups = o.shared() == SharedPaths.IGNORE || fits.size() < 2 ? singles(fits.size())
                : detect(fits, ids, mode, k, o);
        // without time metrics the delays are never read: not even cut from the traces
        boolean timed = o.delays() == ReplayOptions.Delays.AUTO;
        List<Virtual> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            if (g.size() == 1) {
                out.add(new Virtual(g, models.get(g.get(0)), fits.get(g.get(0)).loss(k),
                        timed ? fits.get(g.get(0)).delays(k) : Optional.empty()));
            } else if (o.shared() == SharedPaths.AVOID) {
                int best = g.stream().min(Comparator.<Integer>comparingDouble(i -> models.get(i).lossRate())
                        .thenComparing(ids::get)).orElseThrow();
                out.add(new Virtual(List.of(best), models.get(best), fits.get(best).loss(k),
                        timed ? fits.get(best).delays(k) : Optional.empty()));
            } else {
                Optional<PathModel> merged = mergedModel(fits, g, mode, k, o, models.get(g.get(0)));
                if (merged.isEmpty()) {
                    return Optional.empty();
                }
                out.add(new Virtual(g, merged.get(), interleave(fits, g, k),
                        timed ? interleaveDelays(fits, g, k) : Optional.empty()));
            }
        }
        out.sort(Comparator.comparingInt(v -> v.members().get(0)));
        return Optional.of(out);
    }

    private static List<List<Integer>> singles(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(List.of(i));
        }
        return out;
    }

    /** GMS groups of the tunnel's traces on the mode's window, as indices in trace-id order. */
    private static List<List<Integer>> detect(List<IntervalFits> fits, List<String> ids, FitMode mode, int k,
            ReplayOptions o) {
        List<Grouping.Path> paths = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            paths.add(new Grouping.Path(ids.get(i), 0));
        }
        List<Grouping.Group> groups = Grouping.groups(paths, (a, b) -> {
            IntervalFits fa = fits.get(ids.indexOf(a));
            IntervalFits fb = fits.get(ids.indexOf(b));
            IntervalFits.Window wa = fa.window(k, mode, o.models().history());
            IntervalFits.Window wb = fb.window(k, mode, o.models().history());
            long from = Math.min(wa.fromUs(), wb.fromUs());
            long to = Math.max(wa.toUs(), wb.toUs());
            PairTest t = SharedCongestion.test(fa.trace(), fb.trace(), from, to, (to - from) / 2, o.binUs());
            return t.verdict() == Verdict.SHARED;
        });
        List<List<Integer>> out = new ArrayList<>();
        for (Grouping.Group g : groups) {
            out.add(g.members().stream().map(p -> ids.indexOf(p.trace())).toList());
        }
        return out;
    }

    /** The merged path's model: fitted on its interleaved sequences of the mode's window. */
    private static Optional<PathModel> mergedModel(List<IntervalFits> fits, List<Integer> members, FitMode mode,
            int k, ReplayOptions o, PathModel first) {
        TransitionCounts counts = TransitionCounts.empty();
        int from = mode == FitMode.ORACLE ? k : Math.max(0, k - o.models().history());
        int to = mode == FitMode.ORACLE ? k + 1 : k;
        List<LossSequence> parts = new ArrayList<>();
        for (int j = from; j < to; j++) {
            LossSequence part = interleave(fits, members, j);
            parts.add(part);
            counts = counts.plus(TransitionCounts.of(part));
        }
        if (counts.probes() == 0) {
            return Optional.empty();
        }
        LossWindow window = LossWindow.of(counts, () -> LossSequence.concat(parts));
        return Optional.of(new PathModel(o.models().model().fit(window, o.models().states()).loss(), first.delay()));
    }

    /** The members' delays, slot j from member j mod m like the losses; empty when one carries none. */
    static Optional<int[]> interleaveDelays(List<IntervalFits> fits, List<Integer> members, int k) {
        List<int[]> delays = new ArrayList<>();
        for (int i : members) {
            Optional<int[]> d = fits.get(i).delays(k);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            delays.add(d.get());
        }
        int length = delays.stream().mapToInt(d -> d.length).min().orElse(0);
        int[] out = new int[length];
        for (int j = 0; j < length; j++) {
            out[j] = delays.get(j % delays.size())[j];
        }
        return Optional.of(out);
    }

    /** Slot j from member j mod m, as long as every member has slot j. */
    static LossSequence interleave(List<IntervalFits> fits, List<Integer> members, int k) {
        List<LossSequence> seqs = members.stream().map(i -> fits.get(i).loss(k)).toList();
        int length = seqs.stream().mapToInt(LossSequence::length).min().orElse(0);
        LossSequence.Builder b = new LossSequence.Builder(length);
        for (int j = 0; j < length; j++) {
            b.add(seqs.get(j % seqs.size()).lost(j));
        }
        return b.build();
    }
}
