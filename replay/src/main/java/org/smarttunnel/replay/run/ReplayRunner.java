package org.smarttunnel.replay.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.alloc.AllocationRequest;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.FecAdaptation;
import org.smarttunnel.replay.engine.GroupReplay;
import org.smarttunnel.replay.engine.IntervalResult;
import org.smarttunnel.replay.schedule.Schedule;
import org.smarttunnel.replay.time.TimeMetrics;
import org.smarttunnel.replay.time.TimeReplay;

/**
 * Replays every interval of a set of traces combined into one tunnel under every allocator
 * and mode. The traces' intervals line up by number, or by absolute time from the latest
 * first send (so that congestion they shared stays visible). Per interval and mode the path
 * models are fitted once and given to every allocator; each (mode, allocator, interval) draws
 * its random choices from its own seed, so results do not depend on the order of work.
 * Intervals with no model in a mode (interval 0 when predicting, idle intervals) or with fewer
 * slots than one group give no row.
 */
public final class ReplayRunner {
    private ReplayRunner() {
    }

    public static List<ReplayRow> run(List<Trace> traces, ReplayOptions o) {
        return run(cut(traces, o), traces.stream().map(Trace::id).toList(), o);
    }

    /**
     * How coarse the probing is for the group size: of a tunnel's intervals, those where some
     * path holds fewer probes than one group (not replayed: no full group), and those holding
     * fewer than {@link #FEW_GROUPS} groups (a loss-free verdict on so few groups says little).
     */
    public record Coarse(long intervals, long withoutGroup, long fewGroups) {
        public Coarse plus(Coarse o) {
            return new Coarse(intervals + o.intervals, withoutGroup + o.withoutGroup, fewGroups + o.fewGroups);
        }

        /** One line for the user, or empty when the probing is fine for the group size. */
        public java.util.Optional<String> warning(int group) {
            if (withoutGroup == 0 && fewGroups == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(withoutGroup + " of " + intervals + " intervals hold fewer probes than one group "
                    + "of " + group + " on some path and were not replayed; " + fewGroups + " more hold fewer than "
                    + FEW_GROUPS + " groups, too few for a loss-free verdict to say much (probing too coarse for the "
                    + "group size)");
        }
    }

    /** Fewer groups than this in an interval make its loss-free verdict weak. */
    public static final int FEW_GROUPS = 10;

    /** {@link Coarse} for one tunnel's paths, cut into intervals, and a group size. */
    public static Coarse coarse(List<IntervalFits> fits, int group) {
        int intervals = Integer.MAX_VALUE;
        for (IntervalFits f : fits) {
            intervals = Math.min(intervals, f.intervals());
        }
        long without = 0;
        long few = 0;
        long counted = 0;
        for (int k = 0; k < intervals; k++) {
            long probes = Long.MAX_VALUE;
            for (IntervalFits f : fits) {
                probes = Math.min(probes, f.counts(k).probes());
            }
            if (probes == 0) {
                continue; // an idle gap of on/off probing: nothing to replay, nothing to warn about
            }
            counted++;
            long groups = probes / group;
            if (groups == 0) {
                without++;
            } else if (groups < FEW_GROUPS) {
                few++;
            }
        }
        return new Coarse(counted, without, few);
    }

    /** The traces cut into intervals as a tunnel replays them: aligned as {@code o} says (AUTO resolved). */
    public static List<IntervalFits> cut(List<Trace> traces, ReplayOptions o) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("at least one trace is needed");
        }
        InvalidSettingException.require(o.models().intervalUs().isPresent(), Setting.INTERVAL,
                "must be set to cut traces outside a dataset");
        long intervalUs = o.models().intervalUs().getAsLong();
        List<Concurrency.Span> spans = new ArrayList<>();
        for (Trace t : traces) {
            if (t.size() == 0) {
                throw new IllegalArgumentException("trace " + t.id() + " has no probes");
            }
            spans.add(Concurrency.Span.of(t));
        }
        ReplayOptions.Alignment alignment = alignment(spans, o.alignment(), intervalUs);
        long origin = Concurrency.origin(spans);
        List<IntervalFits> fits = new ArrayList<>();
        for (Trace t : traces) {
            fits.add(alignment == ReplayOptions.Alignment.TIME ? new IntervalFits(t, intervalUs, origin)
                    : new IntervalFits(t, intervalUs));
        }
        return fits;
    }

    /**
     * The alignment a tunnel of these traces gets: AUTO resolves to TIME when they are pairwise
     * concurrent and to INTERVAL otherwise; TIME on traces that were not measured together is an
     * error naming them and their time ranges.
     */
    public static ReplayOptions.Alignment alignment(List<Concurrency.Span> spans, ReplayOptions.Alignment asked,
            long intervalUs) {
        boolean together = Concurrency.pairwise(spans, intervalUs);
        if (asked == ReplayOptions.Alignment.AUTO) {
            return together ? ReplayOptions.Alignment.TIME : ReplayOptions.Alignment.INTERVAL;
        }
        if (asked == ReplayOptions.Alignment.TIME && !together) {
            StringBuilder ranges = new StringBuilder();
            for (Concurrency.Span s : spans) {
                ranges.append(ranges.length() == 0 ? "" : ", ").append(s.trace()).append(" ")
                        .append(Instant.ofEpochSecond(0, s.firstUs() * 1000)).append(" to ")
                        .append(Instant.ofEpochSecond(0, s.lastUs() * 1000));
            }
            throw new InvalidSettingException(Setting.ALIGN, "time needs traces measured together (send times "
                    + "overlapping by at least one interval, " + Durations.format(intervalUs * 1000) + "), and these "
                    + "were not: " + ranges);
        }
        return asked;
    }

    /**
     * Replays paths whose intervals are already cut ({@code fits}, one per path, in path order;
     * {@code ids} their trace ids). Path models come from {@code fits}, which keep them, so a
     * caller replaying the same paths at several redundancies fits each model once.
     */
    public static List<ReplayRow> run(List<IntervalFits> fits, List<String> ids, ReplayOptions o) {
        if (fits.isEmpty() || fits.size() != ids.size()) {
            throw new IllegalArgumentException("one trace id per path is needed");
        }
        InvalidSettingException.require(o.capacity().isEmpty() || o.capacity().size() == fits.size(),
                Setting.CAPACITY, "needs one value per path (" + fits.size() + ")");
        int intervals = Integer.MAX_VALUE;
        for (IntervalFits f : fits) {
            intervals = Math.min(intervals, f.intervals());
        }
        // the spacing of interval k, found only when a replay of it has delays, once for every mode and allocator
        long[] spacing = new long[intervals];
        // per interval, the replays done: allocators and modes that choose the same schedule replay it once
        List<Map<Replayed.Key, Replayed>> done = new ArrayList<>();
        for (int k = 0; k < intervals; k++) {
            done.add(new HashMap<>());
        }
        List<ReplayRow> rows = new ArrayList<>();
        for (FitMode mode : o.models().modeOrder()) {
            List<Optional<List<PathPlan.Virtual>>> plans = new ArrayList<>();
            for (int k = 0; k < intervals; k++) {
                plans.add(PathPlan.plan(fits, ids, mode, k, o));
            }
            for (Allocator a : o.allocators()) {
                for (int k = 0; k < intervals; k++) {
                    if (plans.get(k).isPresent()) {
                        int kk = k;
                        LongSupplier spacingUs = () -> spacing[kk] != 0 ? spacing[kk]
                                : (spacing[kk] = o.spacingUs().isPresent() ? o.spacingUs().getAsLong()
                                        : medianGapUs(fits, kk));
                        replayOne(plans.get(k).get(), ids, a, mode, k, spacingUs, o, done.get(k)).ifPresent(rows::add);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The tunnel's packet spacing in interval k by default (METHOD section 9): the median
     * (nearest rank) of the gaps between consecutive sends of all its paths there; idle gaps of
     * on/off probing are few among them and do not move it.
     */
    static long medianGapUs(List<IntervalFits> fits, int k) {
        IntervalFits.SendGaps[] gaps = new IntervalFits.SendGaps[fits.size()];
        for (int p = 0; p < gaps.length; p++) {
            gaps[p] = fits.get(p).sendGaps(k);
        }
        return medianGapUs(gaps);
    }

    /** The median (nearest rank, at least 1) of all these gaps together; 1 when there are none. */
    static long medianGapUs(IntervalFits.SendGaps... gaps) {
        int n = 0;
        for (IntervalFits.SendGaps g : gaps) {
            n += g.total();
        }
        if (n == 0) {
            return 1;
        }
        // the rank-th smallest of all paths' gaps together: walk their sorted distinct values
        int rank = TimeReplay.rank(n, 50);
        int[] at = new int[gaps.length];
        int seen = 0;
        while (true) {
            long smallest = Long.MAX_VALUE;
            for (int p = 0; p < gaps.length; p++) {
                if (at[p] < gaps[p].values().length) {
                    smallest = Math.min(smallest, gaps[p].values()[at[p]]);
                }
            }
            for (int p = 0; p < gaps.length; p++) {
                if (at[p] < gaps[p].values().length && gaps[p].values()[at[p]] == smallest) {
                    seen += gaps[p].counts()[at[p]++];
                }
            }
            if (seen >= rank) {
                return Math.max(1, smallest);
            }
        }
    }

    /** A replay's outcome, and what decides it: the paths' losses and delays and a fixed layout. */
    private record Replayed(IntervalResult result, Optional<TimeMetrics> time) {
        /** Losses by value, delays by identity (each path's array is kept per interval), the layout by value. */
        record Key(List<LossSequence> losses, List<int[]> delays, GroupLayout layout) {
        }
    }

    private static Optional<ReplayRow> replayOne(List<PathPlan.Virtual> paths, List<String> ids, Allocator a,
            FitMode mode, int k, LongSupplier spacingUs, ReplayOptions o, Map<Replayed.Key, Replayed> done) {
        List<PathModel> models = paths.stream().map(PathPlan.Virtual::model).toList();
        List<LossSequence> losses = paths.stream().map(PathPlan.Virtual::loss).toList();
        AllocationRequest request = new AllocationRequest(models, o.group(), o.redundancy(), o.capacityArray(),
                seed(o.seed(), mode, a.id(), k), o.emax());
        Allocation allocation;
        double expected;
        if (o.adapting()) {
            FecAdaptation.Adapted adapted = FecAdaptation.adapt(a, request, o.targetLoss().getAsDouble(),
                    o.adaptationLimit());
            allocation = adapted.allocation();
            expected = adapted.predictedLossRate();
        } else {
            allocation = a.allocate(request);
            expected = Double.NaN;
        }
        boolean timed = o.delays() == ReplayOptions.Delays.AUTO && paths.stream().allMatch(v -> v.delays().isPresent());
        List<int[]> delays = timed ? paths.stream().map(v -> v.delays().get()).toList() : List.of();
        Replayed.Key key = allocation.schedule().fixed() ? new Replayed.Key(losses, delays,
                allocation.schedule().group(0)) : null;
        Replayed replayed = key == null ? null : done.get(key);
        if (replayed == null) {
            Schedule schedule = Schedule.remembered(allocation.schedule());
            IntervalResult result = GroupReplay.replay(losses, schedule, o.group());
            Optional<TimeMetrics> time = timed && result.groups() > 0 ? TimeReplay.replay(losses, delays,
                    schedule, o.group(), 2 * spacingUs.getAsLong(), 2 * o.deadlineUs()) : Optional.empty();
            replayed = new Replayed(result, time);
            if (key != null) {
                done.put(key, replayed);
            }
        }
        if (replayed.result().groups() == 0) {
            return Optional.empty();
        }
        if (Double.isNaN(expected)) {
            expected = FecAdaptation.predictedLossRate(request, allocation);
        }
        Allocation shown = paths.size() == ids.size() ? allocation : onTraces(allocation, paths, ids.size());
        return Optional.of(new ReplayRow(mode, a.id(), k, ids, shown, replayed.result(), expected, replayed.time()));
    }

    /**
     * An allocation over merged or reduced paths, seen on the tunnel's traces: the first group's
     * slots of a merged path go to its members in rotation (slot j to member j mod m), avoided
     * traces carry nothing.
     */
    private static Allocation onTraces(Allocation allocation, List<PathPlan.Virtual> paths, int traces) {
        GroupLayout layout = allocation.schedule().group(0);
        int[] owner = new int[layout.groupSize()];
        for (int j = 0; j < owner.length; j++) {
            List<Integer> members = paths.get(layout.pathOf(j)).members();
            owner[j] = members.get(j % members.size());
        }
        return Allocation.of(new GroupLayout(layout.data(), owner, traces));
    }

    /** A seed of its own for every (mode, allocator, interval), from the run's seed. */
    static long seed(long seed, FitMode mode, String allocator, int interval) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ mode.ordinal()) * 0xBF58476D1CE4E5B9L;
        h = (h ^ allocator.hashCode()) * 0x94D049BB133111EBL;
        h = (h ^ interval) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
