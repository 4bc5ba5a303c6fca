package org.smarttunnel.eval.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.io.CountingInputStream;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.common.io.IoErrors;
import org.smarttunnel.common.io.LockFile;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.replay.run.ReplayRunner;

/**
 * The journal of an evaluation in progress, kept in a directory inside the reports directory
 * ({@value #DIR}) so that a run killed at any point — {@code kill -9}, power loss, a full disk —
 * can be resumed by running the same command again, with final tables byte for byte those of
 * an uninterrupted run.
 *
 * <p>The directory holds {@code replay.csv} as far as the run got, and {@code journal}: a
 * header naming the run (its settings, a digest of the dataset and of the tunnels drawn) and
 * then one record per batch of finished tunnels, in tunnel order: how many, where
 * {@code replay.csv} ends after them, their coarse-probing counts and, for every row, what the
 * summary tables take from it with the doubles exact (the CSV rounds them). A batch is
 * committed about twice a second, by a thread of its own: {@code replay.csv} is forced to disk
 * first, then the record is appended with a CRC and forced. Resuming reads the records up to the first incomplete or
 * damaged one, cuts {@code replay.csv} back to where the last good one says it ends, feeds the
 * saved rows to the tables in their order, and replays the tunnels after them. A lock on the
 * directory refuses a second evaluation writing the same reports.
 */
public final class Journal implements AutoCloseable {
    /** The journal's directory inside the reports directory. */
    public static final String DIR = ".evaluate-journal";
    static final String FILE = "journal";
    private static final String LOCK = "lock";
    private static final String MAGIC = "smarttunnel evaluate journal 2";
    private static final String RESUME_HINT = "; the same command resumes from the tunnels already finished";
    /** How often a batch is committed. */
    private static final long BATCH_NS = 500_000_000L;
    /** A setting whose value starts so is a digest: a difference says "changed", not the digests. */
    public static final String DIGEST = "sha256:";

    /** The journal is of a run with other settings. */
    public static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> differences;

        Mismatch(Path dir, List<String> differences) {
            super(dir + " holds an interrupted evaluation with other settings: " + String.join("; ", differences));
            this.differences = List.copyOf(differences);
        }

        /** What differs, e.g. {@code --seed: 1 then, 2 now}. */
        public List<String> differences() {
            return differences;
        }
    }

    /** A batch of finished tunnels: their number, where replay.csv ends after them, their counts and rows. */
    record Batch(int tunnels, long replayEnd, ReplayRunner.Coarse coarse, List<Tables.Sample> samples) {
    }

    private final Path dir;
    private final long batchNs;
    private final LockFile lock;
    private FileChannel journal;
    private FileChannel replay;
    private CsvTables.Sink<ExperimentRow> sink;
    private final List<Tables.Sample> pending = new ArrayList<>();
    private int pendingTunnels;
    private ReplayRunner.Coarse pendingCoarse = new ReplayRunner.Coarse(0, 0, 0);
    private long lastCommitNs;
    private long rows;
    /** Whether the journal holds a finished tunnel to resume (set by the committing thread too). */
    private volatile boolean committed;
    /** Whether this run's journal is to go whatever it holds. */
    private boolean discarded;
    private java.util.concurrent.ExecutorService committer;
    private java.util.concurrent.Future<?> inFlight;

    private Journal(Path dir, long batchNs, LockFile lock) {
        this.dir = dir;
        this.batchNs = batchNs;
        this.lock = lock;
    }

    /**
     * Takes the journal directory of the reports directory {@code out}, creating it if needed;
     * refused while another evaluation holds it. Whatever a killed run left there besides the
     * journal and {@code replay.csv} (half-written tables) is removed.
     */
    public static Journal open(Path out) throws IOException, IngestException {
        return open(out, BATCH_NS);
    }

    /** The same, committing a batch every {@code batchNs} (0: after every tunnel). */
    static Journal open(Path out, long batchNs) throws IOException, IngestException {
        Path dir = out.resolve(DIR);
        IoErrors.requireDirectoryOrAbsent(dir);
        Files.createDirectories(dir);
        LockFile lock = LockFile.tryLock(dir.resolve(LOCK)).orElseThrow(() -> IngestException.inFile(out.toString(),
                "another evaluation is writing these reports"));
        Journal j = new Journal(dir, batchNs, lock);
        try {
            j.removeAllBut(Set.of(LOCK, FILE, ExperimentRow.TABLE.name()));
        } catch (IOException e) {
            j.close();
            throw e;
        }
        return j;
    }

    /** Removes everything in the directory but the entries named {@code kept}. */
    private void removeAllBut(Set<String> kept) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (!kept.contains(p.getFileName().toString())) {
                    FileTrees.delete(p);
                }
            }
        }
    }

    /** Where the run's files are written before they are moved into the reports directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Starts the run named by {@code settings}: resumes the journal left by an interrupted run
     * of the same settings, returning its batches, or starts a new one (returning none) when
     * there is no journal, it holds no finished tunnel, or {@code restart} says so. The run has
     * {@code tunnels} tunnels in all.
     *
     * @throws Mismatch when the journal is of a run with other settings and {@code restart} is false
     */
    List<Batch> begin(Map<String, String> settings, boolean restart, int tunnels) throws IOException, Mismatch {
        Path file = dir.resolve(FILE);
        Path csv = dir.resolve(ExperimentRow.TABLE.name());
        List<Batch> batches = new ArrayList<>();
        long journalEnd = 0;
        if (!restart && Files.isRegularFile(file)) {
            committed = true; // an earlier run's: kept if it is refused below
            long csvSize = Files.isRegularFile(csv) ? Files.size(csv) : 0;
            CountingInputStream counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
            try (DataInputStream in = new DataInputStream(counted)) {
                Map<String, String> before = header(in);
                if (before != null) {
                    List<String> differences = differences(before, settings);
                    if (!differences.isEmpty()) {
                        throw new Mismatch(dir, differences);
                    }
                    journalEnd = counted.count();
                    int done = 0;
                    for (Batch b; (b = batch(in, csvSize, batches)) != null && done + b.tunnels() <= tunnels;) {
                        batches.add(b);
                        done += b.tunnels();
                        journalEnd = counted.count();
                    }
                }
            }
        }
        if (batches.isEmpty()) {
            Files.deleteIfExists(csv);
            writeHeader(file, settings);
            journalEnd = Files.size(file);
        }
        journal = FileChannel.open(file, StandardOpenOption.WRITE);
        journal.truncate(journalEnd);
        journal.position(journalEnd);
        replay = FileChannel.open(csv, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long replayEnd = batches.isEmpty() ? 0 : batches.get(batches.size() - 1).replayEnd();
        replay.truncate(replayEnd);
        replay.position(replayEnd);
        sink = CsvTables.sink(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(replay),
                StandardCharsets.UTF_8), 1 << 16), ExperimentRow.TABLE, batches.isEmpty());
        rows = batches.stream().mapToLong(b -> b.samples().size()).sum();
        committed = !batches.isEmpty();
        lastCommitNs = System.nanoTime();
        return batches;
    }

    /** Rows in replay.csv, resumed ones included. */
    long rows() {
        return rows;
    }

    /** One more tunnel finished, in order: its rows go to replay.csv, its samples to the next batch. */
    void add(List<ExperimentRow> tunnelRows, List<Tables.Sample> samples, ReplayRunner.Coarse coarse)
            throws IOException {
        try {
            for (ExperimentRow r : tunnelRows) {
                sink.add(r);
            }
        } catch (IOException e) {
            throw failure(e);
        }
        rows += tunnelRows.size();
        pending.addAll(samples);
        pendingTunnels++;
        pendingCoarse = pendingCoarse.plus(coarse);
        if (System.nanoTime() - lastCommitNs >= batchNs) {
            commit();
        }
    }

    /** Makes every tunnel added so far durable: replay.csv forced first, then the batch's record. */
    void commit() throws IOException {
        try {
            commitPending();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * A failure to write the reports (a full disk, say), told on the reports directory the user
     * named, with what a rerun will do.
     */
    public IOException failure(IOException e) {
        if (e instanceof IoErrors.Explained x && x.getMessage().contains(RESUME_HINT)) {
            return e;
        }
        IOException cause = e instanceof IoErrors.Explained && e.getCause() instanceof IOException c ? c : e;
        return new IoErrors.Explained("cannot write " + dir.getParent() + ": " + IoErrors.reason(cause) + RESUME_HINT, e);
    }

    /**
     * Hands the batch to the committing thread once replay.csv holds its rows: that thread forces
     * replay.csv, then appends and forces the batch's record, while this one goes on (the
     * forced writes were 4-6% of a run when the evaluation waited for them). One batch at a
     * time: the previous commit is waited for, and its failure reported, first.
     */
    private void commitPending() throws IOException {
        lastCommitNs = System.nanoTime();
        if (pendingTunnels == 0) {
            return;
        }
        sink.flush();
        Batch b = new Batch(pendingTunnels, replay.position(), pendingCoarse, List.copyOf(pending));
        awaitCommit();
        inFlight = committer().submit(() -> {
            replay.force(false);
            byte[] payload = encode(b);
            CRC32 crc = new CRC32();
            crc.update(payload);
            ByteBuffer record = ByteBuffer.allocate(4 + payload.length + 8);
            record.putInt(payload.length).put(payload).putLong(crc.getValue()).flip();
            while (record.hasRemaining()) {
                journal.write(record);
            }
            journal.force(false);
            committed = true;
            return null;
        });
        pending.clear();
        pendingTunnels = 0;
        pendingCoarse = new ReplayRunner.Coarse(0, 0, 0);
    }

    private java.util.concurrent.ExecutorService committer() {
        if (committer == null) {
            committer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "journal");
                t.setDaemon(true);
                return t;
            });
        }
        return committer;
    }

    /** Waits for the commit in flight, if any; its failure is this call's. */
    private void awaitCommit() throws IOException {
        java.util.concurrent.Future<?> f = inFlight;
        inFlight = null;
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the journal was being written");
        }
    }

    /** Commits what is pending and closes replay.csv, complete; the journal stays until {@link #finish()}. */
    void complete() throws IOException {
        commit();
        try {
            awaitCommit();
            sink.close();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            sink = null;
        }
    }

    /** The run's files are in place: closing removes the journal directory. */
    public void finish() throws IOException {
        discard();
        close();
    }

    /**
     * Nothing of this run is worth resuming (its input is bad and must change before a run can
     * succeed): closing removes the journal directory.
     */
    public void discard() {
        discarded = true;
    }

    /**
     * Releases the directory, keeping the journal for a later run to resume when it holds a
     * finished tunnel; otherwise the directory goes, its content while the lock is held, then
     * the lock file and the directory itself.
     */
    @Override
    public void close() throws IOException {
        try {
            try {
                awaitCommit();
            } catch (IOException e) {
                // already reported by the call that failed, or moot: the run is being given up
            } finally {
                if (committer != null) {
                    committer.shutdownNow();
                }
            }
            closeFiles();
            boolean keep = committed && !discarded;
            if (!keep && lock.held()) {
                removeAllBut(Set.of(LOCK));
            }
        } finally {
            if (lock.held()) {
                lock.close();
                if (!(committed && !discarded)) {
                    try {
                        Files.deleteIfExists(dir.resolve(LOCK));
                        Files.deleteIfExists(dir);
                    } catch (java.nio.file.DirectoryNotEmptyException e) {
                        // another evaluation took the directory the moment the lock was released: it is its own now
                    }
                }
            }
        }
    }

    /**
     * Closes both files whatever happens to either. Rows the sink still buffers are dropped:
     * they were never committed, and a resumed run cuts replay.csv back to the last commit.
     * The try statement is there for closing alone, hence its resources go unused in its body.
     */
    @SuppressWarnings("try")
    private void closeFiles() throws IOException {
        sink = null;
        try (FileChannel r = replay; FileChannel j = journal) {
            replay = null;
            journal = null;
        }
    }

    /** What differs between the journal's settings and these, one phrase each. */
    static List<String> differences(Map<String, String> before, Map<String, String> now) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String a = before.get(k);
            String b = now.get(k);
            if (a == null || !a.equals(b)) {
                if (a != null && b != null && a.startsWith(DIGEST) && b.startsWith(DIGEST)) {
                    out.add(k + " changed");
                } else {
                    out.add(k + ": " + (a == null ? "not set" : a) + " then, " + (b == null ? "not set" : b) + " now");
                }
            }
        }
        return out;
    }

    /**
     * Writes into the reports directory {@code out} the journal a run of {@code identity} leaves
     * when it is stopped right after its last tunnel: {@code replayCsv} (header and every row) and
     * one batch of every tunnel's samples. The same run started there resumes with nothing left to
     * replay and publishes its files ({@link Shard}).
     */
    static void assemble(Path out, Map<String, String> identity, String replayCsv, int tunnels,
            ReplayRunner.Coarse coarse, List<Tables.Sample> samples) throws IOException {
        Path dir = out.resolve(DIR);
        Files.createDirectories(dir);
        byte[] csv = replayCsv.getBytes(StandardCharsets.UTF_8);
        Path rows = dir.resolve(ExperimentRow.TABLE.name());
        Path tmp = AtomicFiles.temporary(rows);
        try {
            Files.write(tmp, csv);
            AtomicFiles.move(tmp, rows);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path file = dir.resolve(FILE);
        writeHeader(file, identity);
        byte[] payload = encode(new Batch(tunnels, csv.length, coarse, samples));
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer record = ByteBuffer.allocate(4 + payload.length + 8);
        record.putInt(payload.length).put(payload).putLong(crc.getValue()).flip();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (record.hasRemaining()) {
                c.write(record);
            }
            c.force(false);
        }
    }

    /** A new journal holding only the header, in place at once. */
    private static void writeHeader(Path file, Map<String, String> settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(MAGIC);
        out.writeInt(settings.size());
        for (Map.Entry<String, String> e : settings.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        Path tmp = AtomicFiles.temporary(file);
        try {
            Files.write(tmp, bytes.toByteArray());
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            AtomicFiles.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The settings of the journal's header, or null when it is not a journal's. */
    private static Map<String, String> header(DataInputStream in) throws IOException {
        try {
            if (!MAGIC.equals(in.readUTF())) {
                return null;
            }
            int n = in.readInt();
            if (n < 0 || n > 10_000) {
                return null;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            return settings;
        } catch (EOFException | java.io.UTFDataFormatException e) {
            return null;
        }
    }

    /** The next good batch, or null at the end, at a torn or damaged record, or at one replay.csv does not hold. */
    private static Batch batch(DataInputStream in, long csvSize, List<Batch> before) throws IOException {
        byte[] payload;
        long crc;
        try {
            int length = in.readInt();
            if (length < 0 || length > 1 << 30) {
                return null;
            }
            payload = in.readNBytes(length);
            if (payload.length < length) {
                return null;
            }
            crc = in.readLong();
        } catch (EOFException e) {
            return null;
        }
        CRC32 c = new CRC32();
        c.update(payload);
        if (c.getValue() != crc) {
            return null;
        }
        Batch b = decode(payload);
        long previousEnd = before.isEmpty() ? 0 : before.get(before.size() - 1).replayEnd();
        if (b == null || b.replayEnd() > csvSize || b.replayEnd() < previousEnd) {
            return null;
        }
        return b;
    }

    static byte[] encode(Batch b) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 64 * b.samples().size());
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeInt(b.tunnels());
            out.writeLong(b.replayEnd());
            out.writeLong(b.coarse().intervals());
            out.writeLong(b.coarse().withoutGroup());
            out.writeLong(b.coarse().fewGroups());
            out.writeInt(b.samples().size());
            for (Tables.Sample s : b.samples()) {
                Tables.Key k = s.key();
                out.writeInt(k.n());
                out.writeInt(k.k());
                out.writeInt(k.g());
                out.writeUTF(k.mode());
                out.writeUTF(k.allocator());
                out.writeInt(s.run());
                out.writeInt(s.interval());
                out.writeByte((s.lossFree() ? 1 : 0) | (s.timed() ? 2 : 0));
                out.writeDouble(s.lossRate());
                out.writeDouble(s.expectedLossRate());
                if (s.timed()) {
                    out.writeDouble(s.delayP95Ms());
                    out.writeDouble(s.inorderP99Ms());
                    out.writeDouble(s.jitterMs());
                    out.writeDouble(s.reorderedShare());
                    out.writeDouble(s.lateShare());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Batch decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int tunnels = in.readInt();
            long end = in.readLong();
            ReplayRunner.Coarse coarse = new ReplayRunner.Coarse(in.readLong(), in.readLong(), in.readLong());
            int n = in.readInt();
            if (tunnels <= 0 || n < 0 || n > payload.length) {
                return null;
            }
            List<Tables.Sample> samples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Tables.Key key = new Tables.Key(in.readInt(), in.readInt(), in.readInt(), in.readUTF(), in.readUTF());
                int run = in.readInt();
                int interval = in.readInt();
                int flags = in.readByte();
                double rate = in.readDouble();
                double expected = in.readDouble();
                boolean timed = (flags & 2) != 0;
                double[] t = new double[5];
                Arrays.fill(t, Double.NaN);
                if (timed) {
                    for (int j = 0; j < 5; j++) {
                        t[j] = in.readDouble();
                    }
                }
                samples.add(new Tables.Sample(key, run, interval, (flags & 1) != 0, rate, expected, timed, t[0], t[1],
                        t[2], t[3], t[4]));
            }
            return in.available() == 0 ? new Batch(tunnels, end, coarse, samples) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
