package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.probe.TraceStats;
import org.smarttunnel.ingest.trace.Interval;

/**
 * Adds traces to a dataset without ever leaving it half-written: traces are written to a
 * private staging directory, and only a commit moves them under {@code traces/} and then
 * replaces {@code intervals.csv} and {@code index.csv} by atomic renames (the index last: it
 * is what makes a trace part of the dataset). A lock file keeps two imports apart; staging
 * left by a crashed import is removed by the next one.
 */
public final class DatasetWriter implements AutoCloseable {
    private static final String LOCK = ".lock";
    private static final String STAGING_PREFIX = ".staging-";

    private final Path dir;
    private final long intervalUs;
    private final DatasetSettings settings;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private final List<TraceSummary> existing;
    private int stagedFiles;

    private DatasetWriter(Path dir, DatasetSettings settings, FileChannel lockChannel, FileLock lock, Path staging,
            List<TraceSummary> existing) {
        this.settings = settings;
        this.dir = dir;
        this.intervalUs = settings.intervalUs();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
        this.existing = existing;
    }

    /** Opens (creating if needed) the dataset for adding traces cut into intervals of {@code intervalUs}. */
    public static DatasetWriter open(Path dir, long intervalUs) throws IOException, IngestException {
        return open(dir, intervalUs, Optional.empty());
    }

    /**
     * Opens (creating if needed) the dataset for adding traces cut into intervals of
     * {@code intervalUs} whose origin is {@code origin} (recorded in its settings).
     */
    public static DatasetWriter open(Path dir, long intervalUs, Optional<String> origin)
            throws IOException, IngestException {
        org.smarttunnel.common.io.IoErrors.requireDirectoryOrAbsent(dir);
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw IngestException.inFile(dir.toString(), "another import is writing this dataset");
        }
        try {
            removeStaleStaging(dir);
            List<TraceSummary> existing = new ArrayList<>();
            DatasetSettings settings = new DatasetSettings(intervalUs, Optional.empty());
            if (TraceDataset.exists(dir)) {
                TraceDataset current = TraceDataset.open(dir);
                if (current.intervalUs() != intervalUs) {
                    throw IngestException.inFile(dir.resolve(TraceDataset.SETTINGS).toString(), "the dataset uses "
                            + Durations.format(current.intervalUs() * 1000) + " intervals; import with that interval "
                            + "length or into a new directory").withRemedy(Setting.INTERVAL);
                }
                existing.addAll(current.traces());
                settings = current.settings();
            }
            removeOrphans(dir, existing);
            Path staging = Files.createTempDirectory(dir, STAGING_PREFIX);
            return new DatasetWriter(dir, settings.with(origin), channel, lock, staging, existing);
        } catch (IOException | IngestException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * What an import killed inside its commit left behind, removed under the lock before this one
     * starts: temporary files of processes no longer running, and trace files the index does not
     * name (moved in before the index was written). The index is written last, so the dataset it
     * describes is the one before the killed import, whole.
     */
    private static void removeOrphans(Path dir, List<TraceSummary> existing) throws IOException {
        FileTrees.removeStale(dir);
        Path traces = dir.resolve(TraceDataset.TRACES);
        if (!Files.isDirectory(traces)) {
            return;
        }
        FileTrees.removeStale(traces);
        Set<Path> named = new HashSet<>();
        for (TraceSummary t : existing) {
            named.add(dir.resolve(t.file()).normalize());
        }
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(traces)) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && !named.contains(p.normalize()) && !p.getFileName().toString()
                        .startsWith(".")) {
                    orphans.add(p);
                }
            }
        }
        for (Path p : orphans) {
            Files.deleteIfExists(p);
        }
    }

    private static void removeStaleStaging(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            for (Path p : s) {
                FileTrees.delete(p);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public long intervalUs() {
        return intervalUs;
    }

    /** A fresh file in the staging area for one trace in the given format. */
    public Path stagingFile(TraceFormat format) {
        return staging.resolve((stagedFiles++) + format.extension());
    }

    /**
     * Makes the pending traces part of the dataset. Traces with no probes and traces the
     * dataset already holds (same host, site, addresses, identifier, counts and time range)
     * are left out and reported.
     */
    public CommitResult commit(List<PendingTrace> pending) throws IOException, IngestException {
        Set<String> usedIds = new HashSet<>();
        List<TraceSummary> all = new ArrayList<>(existing);
        existing.forEach(t -> usedIds.add(t.id()));
        List<CommitResult.Added> added = new ArrayList<>();
        List<CommitResult.Skipped> skipped = new ArrayList<>();
        Path tracesDir = Files.createDirectories(dir.resolve(TraceDataset.TRACES));
        for (PendingTrace p : pending) {
            TraceStats s = p.stats();
            if (s.probes() == 0) {
                skipped.add(new CommitResult.Skipped(p, "no probes"));
                continue;
            }
            TraceSummary candidate = new TraceSummary(p.info(), "", s.probes(), s.lost(), s.firstSendUs(),
                    s.lastSendUs());
            TraceSummary twin = all.stream().filter(t -> t.sameMeasurement(candidate)).findFirst().orElse(null);
            if (twin != null) {
                skipped.add(new CommitResult.Skipped(p, "already in the dataset as trace " + twin.id()));
                continue;
            }
            String id = uniqueId(p.info().id(), usedIds);
            String name = id + TraceFormat.of(p.staged()).extension();
            String file = TraceDataset.TRACES + "/" + name;
            AtomicFiles.move(p.staged(), tracesDir.resolve(name));
            TraceSummary summary = new TraceSummary(p.info().withId(id), file, s.probes(), s.lost(), s.firstSendUs(),
                    s.lastSendUs());
            all.add(summary);
            added.add(new CommitResult.Added(summary, s.withTraceId(id)));
        }
        settings.write(dir);
        writeIntervals(added);
        CsvTables.write(dir.resolve(TraceDataset.INDEX), TraceSummary.TABLE, all);
        existing.clear();
        existing.addAll(all);
        return new CommitResult(added, skipped, all.size());
    }

    private static String uniqueId(String proposed, Set<String> used) {
        String id = proposed;
        for (int n = 2; used.contains(id); n++) {
            id = proposed + "-" + n;
        }
        used.add(id);
        return id;
    }

    /** Keeps the rows of traces in the index (a crash may have left others), appends the new ones. */
    private void writeIntervals(List<CommitResult.Added> added) throws IOException, IngestException {
        Set<String> known = new HashSet<>();
        existing.forEach(t -> known.add(t.id()));
        List<IntervalRow> rows = new ArrayList<>();
        Path file = dir.resolve(TraceDataset.INTERVALS);
        if (Files.isRegularFile(file)) {
            CsvInput.read(file, IntervalRow.TABLE, (r, line) -> {
                if (known.contains(r.get(0))) {
                    rows.add(intervalRow(file, line, r));
                }
            });
        }
        for (CommitResult.Added a : added) {
            for (Interval i : a.stats().intervals()) {
                rows.add(IntervalRow.of(i));
            }
        }
        CsvTables.write(file, IntervalRow.TABLE, rows);
    }

    private static IntervalRow intervalRow(Path file, long line, CSVRecord r) throws IngestException {
        try {
            return new IntervalRow(r.get(0), Integer.parseInt(r.get(1)), Long.parseLong(r.get(2)),
                    Long.parseLong(r.get(3)), Long.parseLong(r.get(4)));
        } catch (NumberFormatException e) {
            throw IngestException.atLine(file.toString(), line, "not a number: " + e.getMessage());
        }
    }

    /** Removes the staging area (and any trace left in it) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            FileTrees.delete(staging);
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
