package org.smarttunnel.eval.experiment;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.smarttunnel.eval.Failures;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.trace.Trace;

/**
 * Loaded traces, cut into intervals with their models kept ({@link IntervalFits}), shared by
 * the workers: one entry per trace and cut (from its own first send, or from a tunnel's origin
 * when the tunnel is aligned by time). Each trace is read once however many threads ask for
 * it at the same time, and its other cuts reuse the loaded trace; the least recently used are
 * dropped when the cache holds more than its budget of bytes, so memory stays bounded whatever
 * the number of combinations. What a trace yields does not depend on the cache, so results do
 * not either.
 */
final class TraceCache {
    /** Bytes a loaded probe takes: sequence number, send time, RTT and its loss bit. */
    static final long BYTES_PER_PROBE = 17;

    private final TraceDataset dataset;
    private final long intervalUs;
    private final long budget;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long loads;

    /** A trace cut from its own first send (no origin) or from a tunnel's. */
    private record Key(String id, OptionalLong origin) {
    }

    private static final class Entry {
        final FutureTask<IntervalFits> task;
        long bytes;

        Entry(FutureTask<IntervalFits> task) {
            this.task = task;
        }
    }

    TraceCache(TraceDataset dataset, long intervalUs, long budget) {
        this.dataset = dataset;
        this.intervalUs = intervalUs;
        this.budget = budget;
    }

    IntervalFits get(String id, OptionalLong origin) throws IOException, IngestException {
        Key key = new Key(id, origin);
        Entry e;
        boolean mine = false;
        synchronized (this) {
            e = entries.get(key);
            if (e == null) {
                FutureTask<IntervalFits> other = otherCut(id);
                if (other == null) {
                    loads++;
                }
                e = new Entry(new FutureTask<>(() -> {
                    Trace t = other != null ? traceOf(other) : null;
                    t = t != null ? t : dataset.load(id);
                    return origin.isPresent() ? new IntervalFits(t, intervalUs, origin.getAsLong())
                            : new IntervalFits(t, intervalUs);
                }));
                entries.put(key, e);
                mine = true;
            }
        }
        if (mine) {
            e.task.run();
        }
        try {
            IntervalFits fits = e.task.get();
            synchronized (this) {
                e.bytes = fits.retainedBytes() + BYTES_PER_PROBE * fits.probes();
                evict(key);
            }
            return fits;
        } catch (ExecutionException x) {
            synchronized (this) {
                entries.remove(key, e);
            }
            throw Failures.rethrow(x);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + id, x);
        }
    }

    /** The trace another cut loaded; null when that failed (then it is read again, to fail alike). */
    private static Trace traceOf(FutureTask<IntervalFits> other) throws InterruptedException {
        try {
            return other.get().trace();
        } catch (ExecutionException x) {
            return null;
        }
    }

    /**
     * Another cut of the same trace, loaded or being loaded by the thread that asked first (its
     * trace is waited for, not read again); null when none is cached.
     */
    private FutureTask<IntervalFits> otherCut(String id) {
        for (Map.Entry<Key, Entry> m : entries.entrySet()) {
            if (m.getKey().id().equals(id)) {
                return m.getValue().task;
            }
        }
        return null;
    }

    /** Drops the least recently used finished traces (never {@code keep}) until the budget holds. */
    private void evict(Key keep) {
        long total = 0;
        for (Entry e : entries.values()) {
            total += e.bytes;
        }
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (total > budget && it.hasNext()) {
            Map.Entry<Key, Entry> m = it.next();
            if (!m.getKey().equals(keep) && m.getValue().task.isDone()) {
                total -= m.getValue().bytes;
                it.remove();
            }
        }
    }

    /** How many times a trace was read from disk. */
    synchronized long loads() {
        return loads;
    }
}
