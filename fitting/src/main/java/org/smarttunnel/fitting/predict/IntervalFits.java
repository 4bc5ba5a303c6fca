package org.smarttunnel.fitting.predict;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.fitting.model.BurstFit;
import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.fitting.model.FittedLoss;
import org.smarttunnel.fitting.model.LossModelType;
import org.smarttunnel.fitting.model.LossWindow;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.ingest.trace.Interval;
import org.smarttunnel.ingest.trace.Trace;

/**
 * Models of every interval of a trace (METHOD section 5): ORACLE on the interval itself,
 * PREDICTED on the pooled counts of the previous {@code history} intervals (those it has, from
 * interval 1 on). An interval without probes has nothing to evaluate and gets no model in
 * either mode; a prediction whose history holds no probes gives none either. Also tests, interval by interval, whether the history's loss rate predicts the
 * interval's (Fisher's exact test).
 */
public final class IntervalFits {
    private final List<Interval> intervals;
    private final List<TransitionCounts> counts;
    private final String trace;
    private final Trace source;
    private final long intervalUs;
    private final java.util.Map<ModelKey, java.util.Optional<PathModel>> memo =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<Integer, org.smarttunnel.ingest.trace.LossSequence> lossMemo =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, java.util.Optional<int[]>> delayMemo =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, SendGaps> gapMemo = new java.util.concurrent.ConcurrentHashMap<>();

    private record ModelKey(int interval, FitMode mode, LossModelType model, StateChoice states, int history) {
    }

    public IntervalFits(Trace trace, long intervalUs) {
        this(trace, intervalUs, trace.size() == 0 ? 0 : trace.sendUs(0));
    }

    /** Intervals cut from {@code originUs} (alignment by absolute time). */
    public IntervalFits(Trace trace, long intervalUs, long originUs) {
        this.trace = trace.id();
        this.source = trace;
        this.intervalUs = intervalUs;
        this.intervals = trace.intervals(intervalUs, originUs);
        this.counts = new ArrayList<>();
        for (Interval i : intervals) {
            counts.add(TransitionCounts.of(trace.loss(i)));
        }
    }

    public int intervals() {
        return intervals.size();
    }

    /** The send times a model of interval k in a mode is fitted on: [from, to) in µs. */
    public record Window(long fromUs, long toUs) {
    }

    /** The window of interval k's model: the interval itself (oracle) or the history before it (predicted). */
    public Window window(int k, FitMode mode, int history) {
        long start = intervals.get(k).startUs();
        return mode == FitMode.ORACLE ? new Window(start, start + intervalUs)
                : new Window(intervals.get(Math.max(0, k - history)).startUs(), start);
    }

    public long intervalUs() {
        return intervalUs;
    }

    /** The trace the intervals were cut from. */
    public Trace trace() {
        return source;
    }

    /** Probes of the whole trace. */
    public int probes() {
        return source.size();
    }

    public TransitionCounts counts(int interval) {
        return counts.get(interval);
    }

    /** Pooled counts of intervals k - history .. k - 1. */
    public TransitionCounts history(int k, int history) {
        TransitionCounts pooled = TransitionCounts.empty();
        for (int j = Math.max(0, k - history); j < k; j++) {
            pooled = pooled.plus(counts.get(j));
        }
        return pooled;
    }

    /**
     * The models of all intervals in {@code o}'s modes, ordered by interval and then mode (oracle
     * before predicted), each with its BIC on the window's sequence.
     */
    public List<IntervalModel> models(ModelOptions o) {
        List<IntervalModel> out = new ArrayList<>();
        for (int k = 0; k < intervals.size(); k++) {
            if (counts.get(k).probes() == 0) {
                continue;
            }
            for (FitMode mode : o.modeOrder()) {
                java.util.Optional<LossWindow> w = lossWindow(k, mode, o.history());
                if (w.isPresent()) {
                    TransitionCounts c = w.get().counts();
                    FittedLoss f = o.model().fit(w.get(), o.states());
                    out.add(new IntervalModel(trace, k, mode, f, c.probes(), c.losses(), BurstFit.distance(f.loss(),
                            c.bursts()), f.bic(w.get())));
                }
            }
        }
        return out;
    }

    /**
     * What a model of interval k in a mode is fitted on: the interval (oracle) or the history
     * before it (predicted: counts pooled interval by interval, the sequence of its probes in
     * order); empty where there is nothing to fit.
     */
    public java.util.Optional<LossWindow> lossWindow(int k, FitMode mode, int history) {
        if (history < 1) {
            throw new org.smarttunnel.common.options.InvalidSettingException(
                    org.smarttunnel.common.options.Setting.HISTORY, "must be at least 1 interval");
        }
        if (k >= intervals.size() || counts.get(k).probes() == 0 || (mode == FitMode.PREDICTED && k == 0)) {
            return java.util.Optional.empty();
        }
        TransitionCounts c = mode == FitMode.ORACLE ? counts.get(k) : history(k, history);
        if (c.probes() == 0) {
            return java.util.Optional.empty();
        }
        int from = mode == FitMode.ORACLE ? k : Math.max(0, k - history);
        int to = mode == FitMode.ORACLE ? k + 1 : k;
        Interval first = intervals.get(from);
        Interval last = intervals.get(to - 1);
        return java.util.Optional.of(LossWindow.of(c, () -> source.loss().slice(first.firstProbe(),
                last.firstProbe() + last.probes())));
    }

    /**
     * What an allocator may know about this path for interval k in a mode: the model fitted on
     * the mode's window and the delays over the same window; empty where {@link #models} has
     * no model. Computed once per argument set and kept, so that the tunnels sharing this
     * path (and threads) reuse it.
     */
    public java.util.Optional<PathModel> pathModel(int k, FitMode mode, ModelOptions o) {
        return memo.computeIfAbsent(new ModelKey(k, mode, o.model(), o.states(), o.history()),
                key -> fitPathModel(k, mode, o));
    }

    /** The memory this object keeps beyond its trace, roughly, in bytes. */
    public long retainedBytes() {
        long bytes = 64L * counts.size();
        for (org.smarttunnel.ingest.trace.LossSequence l : lossMemo.values()) {
            bytes += 32 + 8L * l.wordCount();
        }
        for (java.util.Optional<int[]> d : delayMemo.values()) {
            bytes += 16 + d.map(a -> 4L * a.length).orElse(0L);
        }
        for (SendGaps g : gapMemo.values()) {
            bytes += 48 + 12L * g.values().length;
        }
        for (java.util.Optional<PathModel> m : memo.values()) {
            bytes += 256 + m.map(p -> 16L * p.delay().periods()).orElse(0L);
        }
        return bytes;
    }

    private java.util.Optional<PathModel> fitPathModel(int k, FitMode mode, ModelOptions o) {
        java.util.Optional<LossWindow> w = lossWindow(k, mode, o.history());
        if (w.isEmpty()) {
            return java.util.Optional.empty();
        }
        int from = mode == FitMode.ORACLE ? k : Math.max(0, k - o.history());
        Interval first = intervals.get(from);
        Interval last = intervals.get(mode == FitMode.ORACLE ? k : k - 1);
        DelayProfile delay = DelayProfile.of(source, first.firstProbe(), last.firstProbe() + last.probes(),
                DelayProfile.DEFAULT_PERIOD_US);
        return java.util.Optional.of(new PathModel(o.model().fit(w.get(), o.states()).loss(), delay));
    }

    /**
     * The one-way delays of interval k's probes in half-µs; empty when it carries none. Kept once
     * read (every mode, allocator and redundancy replays the same interval); callers must not
     * change the array.
     */
    public java.util.Optional<int[]> delays(int k) {
        return delayMemo.computeIfAbsent(k, i -> source.oneWayHalfUs(intervals.get(i)));
    }

    /**
     * The gaps between interval k's consecutive sends, in µs, as their distinct values in
     * ascending order with how often each occurs; computed once (every tunnel with this trace
     * asks for its spacing there).
     */
    public SendGaps sendGaps(int k) {
        return gapMemo.computeIfAbsent(k, i -> SendGaps.of(source.sendGapsUs(intervals.get(i))));
    }

    /** Gaps between sends: distinct values, ascending, and the count of each. */
    public record SendGaps(long[] values, int[] counts, int total) {
        public static SendGaps of(long[] gaps) {
            long[] sorted = gaps.clone();
            java.util.Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            long[] values = new long[distinct];
            int[] counts = new int[distinct];
            int j = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    values[++j] = sorted[i];
                }
                counts[j]++;
            }
            return new SendGaps(values, counts, sorted.length);
        }
    }

    /**
     * The loss sequence of interval k (what a replay uses), cut once: every tunnel, mode and
     * allocator that replays this trace's interval gets the same one.
     */
    public org.smarttunnel.ingest.trace.LossSequence loss(int k) {
        return lossMemo.computeIfAbsent(k, i -> source.loss(intervals.get(i)));
    }

    /** Fisher's exact test p-value of each interval against its history; NaN where untestable. */
    public double[] predictability(int history) {
        double[] p = new double[intervals.size()];
        p[0] = Double.NaN;
        for (int k = 1; k < intervals.size(); k++) {
            TransitionCounts h = history(k, history);
            TransitionCounts now = counts.get(k);
            p[k] = h.probes() == 0 || now.probes() == 0 ? Double.NaN
                    : FisherExact.twoSided(h.losses(), h.probes(), now.losses(), now.probes());
        }
        return p;
    }
}
