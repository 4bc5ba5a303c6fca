package org.smarttunnel.replay.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.alloc.AllocationRequest;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.FecAdaptation;
import org.smarttunnel.replay.engine.GroupReplay;
import org.smarttunnel.replay.engine.IntervalResult;

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
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("at least one trace is needed");
        }
        InvalidSettingException.require(o.models().intervalUs().isPresent(), Setting.INTERVAL,
                "must be set to cut traces outside a dataset");
        long intervalUs = o.models().intervalUs().getAsLong();
        List<IntervalFits> fits = new ArrayList<>();
        long origin = Long.MIN_VALUE;
        for (Trace t : traces) {
            if (t.size() == 0) {
                throw new IllegalArgumentException("trace " + t.id() + " has no probes");
            }
            origin = Math.max(origin, t.sendUs(0));
        }
        for (Trace t : traces) {
            fits.add(o.alignment() == ReplayOptions.Alignment.TIME ? new IntervalFits(t, intervalUs, origin)
                    : new IntervalFits(t, intervalUs));
        }
        return run(fits, traces.stream().map(Trace::id).toList(), o);
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
        List<ReplayRow> rows = new ArrayList<>();
        for (FitMode mode : o.models().modeOrder()) {
            for (Allocator a : o.allocators()) {
                for (int k = 0; k < intervals; k++) {
                    replayOne(fits, ids, a, mode, k, o).ifPresent(rows::add);
                }
            }
        }
        return rows;
    }

    private static Optional<ReplayRow> replayOne(List<IntervalFits> fits, List<String> ids, Allocator a, FitMode mode,
            int k, ReplayOptions o) {
        List<PathModel> models = new ArrayList<>();
        List<LossSequence> losses = new ArrayList<>();
        for (IntervalFits f : fits) {
            Optional<PathModel> m = f.pathModel(k, mode, o.models().states(), o.models().history());
            if (m.isEmpty()) {
                return Optional.empty();
            }
            models.add(m.get());
            losses.add(f.loss(k));
        }
        AllocationRequest request = new AllocationRequest(models, o.group(), o.redundancy(), o.capacityArray(),
                seed(o.seed(), mode, a.id(), k), o.emax());
        Allocation allocation = o.adapting()
                ? FecAdaptation.adapt(a, request, o.targetLoss().getAsDouble(), o.adaptationLimit()).allocation()
                : a.allocate(request);
        IntervalResult result = GroupReplay.replay(losses, allocation.schedule(), o.group());
        if (result.groups() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ReplayRow(mode, a.id(), k, ids, allocation, result));
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
