package org.smarttunnel.eval.experiment;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.smarttunnel.eval.Failures;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;

/**
 * Loaded traces, cut into intervals with their models kept ({@link IntervalFits}), shared by
 * the workers. Each trace is read once however many threads ask for it at the same time; the
 * least recently used are dropped when the cache holds more than its budget of bytes, so
 * memory stays bounded whatever the number of combinations. What a trace yields does not
 * depend on the cache, so results do not either.
 */
final class TraceCache {
    /** Bytes a loaded probe takes: sequence number, send time, RTT and its loss bit. */
    static final long BYTES_PER_PROBE = 17;

    private final TraceDataset dataset;
    private final long intervalUs;
    private final long budget;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long loads;

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

    IntervalFits get(String id) throws IOException, IngestException {
        Entry e;
        boolean mine = false;
        synchronized (this) {
            e = entries.get(id);
            if (e == null) {
                e = new Entry(new FutureTask<>(() -> new IntervalFits(dataset.load(id), intervalUs)));
                entries.put(id, e);
                mine = true;
                loads++;
            }
        }
        if (mine) {
            e.task.run();
        }
        try {
            IntervalFits fits = e.task.get();
            synchronized (this) {
                e.bytes = fits.retainedBytes() + BYTES_PER_PROBE * fits.probes();
                evict(id);
            }
            return fits;
        } catch (ExecutionException x) {
            synchronized (this) {
                entries.remove(id, e);
            }
            throw Failures.rethrow(x);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + id, x);
        }
    }

    /** Drops the least recently used finished traces (never {@code keep}) until the budget holds. */
    private void evict(String keep) {
        long total = 0;
        for (Entry e : entries.values()) {
            total += e.bytes;
        }
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (total > budget && it.hasNext()) {
            Map.Entry<String, Entry> m = it.next();
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
