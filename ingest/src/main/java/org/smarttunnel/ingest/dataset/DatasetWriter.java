package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
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
import org.smarttunnel.common.io.LockFile;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.probe.TraceStats;
import org.smarttunnel.ingest.trace.Interval;

/**
 * Adds traces to a dataset without ever leaving it half-written. Traces are written to a
 * private staging directory. A commit writes the new {@code intervals.csv},
 * {@code dataset.properties} and {@code index.csv} there as well, forces everything to disk,
 * and then writes the plan of its renames ({@value #PLAN}: each staged file and its place in
 * the dataset, the index last) in one rename of its own: from that moment the import has
 * happened. The renames follow. A process killed before the plan leaves the dataset as it was
 * (its staging is removed by the next command that opens the dataset); killed after it, the
 * next command that opens the dataset does the renames not yet done, so the dataset is
 * exactly as before or exactly as after, never a mixture. A lock file keeps two imports apart,
 * and a reader finishes or removes what a killed import left only when no import holds it.
 */
public final class DatasetWriter implements AutoCloseable {
    private static final String LOCK = ".lock";
    private static final String STAGING_PREFIX = ".staging-";
    /** The plan of a commit's renames, in the staging directory. */
    static final String PLAN = "commit.csv";

    /** One rename of a commit: a file of the staging directory to its place in the dataset. */
    record Move(String staged, String target) {
        static final TableSpec<Move> TABLE = TableSpec.<Move>named(PLAN)
                .about("import: the renames of a commit, in order, finished by the next command if it was killed")
                .column(Column.text("staged", Move::staged))
                .column(Column.text("target", Move::target))
                .build();
    }

    private final Path dir;
    private final long intervalUs;
    private final DatasetSettings settings;
    private final LockFile lock;
    private final Path staging;
    private final List<TraceSummary> existing;
    private int stagedFiles;

    private DatasetWriter(Path dir, DatasetSettings settings, LockFile lock, Path staging,
            List<TraceSummary> existing) {
        this.settings = settings;
        this.dir = dir;
        this.intervalUs = settings.intervalUs();
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
        LockFile lock = LockFile.tryLock(dir.resolve(LOCK)).orElseThrow(() -> IngestException.inFile(dir.toString(),
                "another import is writing this dataset"));
        try {
            recover(dir);
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
            return new DatasetWriter(dir, settings.with(origin), lock, staging, existing);
        } catch (IOException | IngestException | RuntimeException e) {
            lock.close();
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

    /**
     * Under the lock: finishes every commit a killed import planned, and removes the staging
     * of imports killed before they planned one.
     */
    private static void recover(Path dir) throws IOException, IngestException {
        List<Path> stagings = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            s.forEach(stagings::add);
        }
        stagings.sort(null);
        for (Path p : stagings) {
            if (Files.isRegularFile(p.resolve(PLAN))) {
                apply(dir, p, Integer.MAX_VALUE);
            }
            FileTrees.delete(p);
        }
    }

    /**
     * For a reader about to open the dataset: when a killed import left staging behind and no
     * import is running, finishes or removes it as the next import would. A dataset the user
     * cannot write, or one an import is writing now, is read as it is: its index, replaced in
     * one rename, always describes whole files.
     */
    static void recoverIfIdle(Path dir) throws IOException, IngestException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            if (!s.iterator().hasNext()) {
                return;
            }
        }
        Optional<LockFile> lock;
        try {
            lock = LockFile.tryLock(dir.resolve(LOCK));
        } catch (IOException e) {
            return; // not ours to write
        }
        if (lock.isPresent()) {
            try (LockFile held = lock.get()) {
                recover(dir);
            }
        }
    }

    /**
     * Does the renames of {@code staging}'s plan not yet done (a done one has no staged file
     * left), forces the directories, and removes the plan; with fewer than all {@code renames}
     * allowed, it stops there as a killed process would.
     */
    private static void apply(Path dir, Path staging, int renames) throws IOException, IngestException {
        Path plan = staging.resolve(PLAN);
        List<Move> moves = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        CsvInput.read(plan, Move.TABLE, (r, line) -> {
            Move m = new Move(r.get(0), r.get(1));
            if (!root.resolve(m.target()).normalize().startsWith(root) || m.staged().contains("/")) {
                throw IngestException.atLine(plan.toString(), line, "names a file outside the dataset");
            }
            moves.add(m);
        });
        for (Move m : moves.subList(0, Math.min(renames, moves.size()))) {
            Path from = staging.resolve(m.staged());
            if (Files.exists(from)) {
                AtomicFiles.move(from, root.resolve(m.target()));
            }
        }
        if (renames <= moves.size()) {
            return; // killed before the plan was removed
        }
        force(root.resolve(TraceDataset.TRACES));
        force(root);
        Files.delete(plan);
    }

    /** Forces a file or a directory's entries to disk, where the platform can. */
    private static void force(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (FileChannel c = FileChannel.open(p, Files.isDirectory(p) ? StandardOpenOption.READ
                : StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(p)) {
                throw e;
            }
            // some platforms cannot open a directory to force it; its renames are as durable as they make them
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
        return commit(pending, Integer.MAX_VALUE);
    }

    /** The same, stopping after {@code renames} of its planned renames: a process killed there (for tests). */
    CommitResult commit(List<PendingTrace> pending, int renames) throws IOException, IngestException {
        try {
            return commitPlanned(pending, renames);
        } catch (IOException e) {
            throw new CommitFailure(Files.isRegularFile(staging.resolve(PLAN)), e);
        }
    }

    /** A commit failed to write or rename; {@link #planned()} says whether it had planned its renames. */
    public static final class CommitFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean planned;

        CommitFailure(boolean planned, IOException cause) {
            super(cause.getMessage(), cause);
            this.planned = planned;
        }

        /** Whether the import happened (the next command finishes its renames) or left the dataset as it was. */
        public boolean planned() {
            return planned;
        }
    }

    private CommitResult commitPlanned(List<PendingTrace> pending, int renames) throws IOException, IngestException {
        Set<String> usedIds = new HashSet<>();
        List<TraceSummary> all = new ArrayList<>(existing);
        existing.forEach(t -> usedIds.add(t.id()));
        List<CommitResult.Added> added = new ArrayList<>();
        List<CommitResult.Skipped> skipped = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
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
            moves.add(new Move(p.staged().getFileName().toString(), file));
            TraceSummary summary = new TraceSummary(p.info().withId(id), file, s.probes(), s.lost(), s.firstSendUs(),
                    s.lastSendUs());
            all.add(summary);
            added.add(new CommitResult.Added(summary, s.withTraceId(id)));
        }
        for (Move m : moves) {
            force(staging.resolve(m.staged()));
        }
        settings.write(staging);
        writeIntervals(added, staging.resolve(TraceDataset.INTERVALS));
        CsvTables.write(staging.resolve(TraceDataset.INDEX), TraceSummary.TABLE, all);
        for (String f : List.of(TraceDataset.INTERVALS, TraceDataset.SETTINGS, TraceDataset.INDEX)) {
            moves.add(new Move(f, f)); // the index last: it is what makes a trace part of the dataset
        }
        Files.createDirectories(dir.resolve(TraceDataset.TRACES));
        CsvTables.write(staging.resolve(PLAN), Move.TABLE, moves);
        force(staging);
        // the import has happened: if what follows is cut short, the next command finishes it
        apply(dir, staging, renames);
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

    /** Keeps the rows of traces in the index (a crash may have left others), appends the new ones, into {@code to}. */
    private void writeIntervals(List<CommitResult.Added> added, Path to) throws IOException, IngestException {
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
        CsvTables.write(to, IntervalRow.TABLE, rows);
    }

    private static IntervalRow intervalRow(Path file, long line, CSVRecord r) throws IngestException {
        try {
            return new IntervalRow(r.get(0), Integer.parseInt(r.get(1)), Long.parseLong(r.get(2)),
                    Long.parseLong(r.get(3)), Long.parseLong(r.get(4)));
        } catch (NumberFormatException e) {
            throw IngestException.atLine(file.toString(), line, "not a number: " + e.getMessage());
        }
    }

    /** Releases the lock and leaves everything else as it is: a process killed here (for tests). */
    void abandon() throws IOException {
        lock.close();
    }

    /**
     * Removes the staging area (and any trace left in it) and releases the lock; a commit whose
     * renames failed half way is finished first, or left planned for the next command.
     */
    @Override
    public void close() throws IOException {
        try {
            if (Files.isRegularFile(staging.resolve(PLAN))) {
                try {
                    apply(dir, staging, Integer.MAX_VALUE);
                } catch (IngestException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            FileTrees.delete(staging);
        } finally {
            lock.close();
        }
    }
}
