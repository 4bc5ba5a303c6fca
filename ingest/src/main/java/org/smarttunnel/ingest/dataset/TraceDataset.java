package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * A trace dataset on disk: {@code index.csv} (one row per trace), {@code intervals.csv},
 * {@code dataset.properties} (the interval length) and one CSV per trace under
 * {@code traces/}. Reading is strict: a malformed row names the file and line.
 */
public final class TraceDataset {
    public static final String INDEX = "index.csv";
    public static final String INTERVALS = "intervals.csv";
    public static final String SETTINGS = DatasetSettings.FILE;
    public static final String TRACES = "traces";

    private final Path dir;
    private final long intervalUs;
    private final List<TraceSummary> traces;

    private final DatasetSettings settings;

    private TraceDataset(Path dir, DatasetSettings settings, List<TraceSummary> traces) {
        this.dir = dir;
        this.settings = settings;
        this.intervalUs = settings.intervalUs();
        this.traces = Collections.unmodifiableList(traces);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(INDEX));
    }

    public static TraceDataset open(Path dir) throws IOException, IngestException {
        DatasetWriter.recoverIfIdle(dir);
        Path index = dir.resolve(INDEX);
        if (Files.isRegularFile(dir)) {
            throw IngestException.inFile(dir.toString(), "is a file; a trace dataset is a directory (made by "
                    + "'smarttunnel import')");
        }
        if (!Files.isRegularFile(index)) {
            throw IngestException.inFile(index.toString(), "no trace dataset here (run 'smarttunnel import' first)");
        }
        DatasetSettings settings = DatasetSettings.read(dir);
        List<TraceSummary> rows = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        CsvInput.read(index, TraceSummary.TABLE, TraceSummary.COLUMNS_BEFORE_DIRECTION, (r, line) -> {
            TraceSummary s = indexRow(index.toString(), line, r);
            if (!ids.add(s.info().id())) {
                throw IngestException.atLine(index.toString(), line, "trace '" + s.info().id() + "' listed twice");
            }
            rows.add(s);
        });
        return new TraceDataset(dir, settings, rows);
    }

    /**
     * One row of the index, checked: counts that can be true (0 <= lost <= probes), and a file
     * under the dataset's {@code traces/} directory — the index is data, and a {@code file} of
     * {@code ../../etc/passwd} or {@code /etc/hostname} is never opened.
     */
    private static TraceSummary indexRow(String file, long line, CSVRecord f) throws IngestException {
        TraceSummary s;
        try {
            Direction direction = Direction.ROUND_TRIP;
            if (f.size() > TraceSummary.COLUMNS_BEFORE_DIRECTION) {
                String d = f.get(TraceSummary.COLUMNS_BEFORE_DIRECTION);
                direction = Direction.of(d).orElseThrow(() -> new IllegalArgumentException("direction '" + d
                        + "' is not one of round-trip, up, down"));
            }
            TraceInfo info = new TraceInfo(f.get(0), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), direction);
            s = new TraceSummary(info, f.get(1), Long.parseLong(f.get(7)), Long.parseLong(f.get(8)),
                    Long.parseLong(f.get(10)), Long.parseLong(f.get(11)));
        } catch (IllegalArgumentException e) {
            throw IngestException.atLine(file, line, e.getMessage());
        }
        if (s.probes() < 0 || s.lost() < 0 || s.lost() > s.probes()) {
            throw IngestException.atLine(file, line, "trace '" + s.info().id() + "' has " + s.probes() + " probes and "
                    + s.lost() + " lost, which cannot both be true");
        }
        if (!insideTraces(s.file())) {
            throw IngestException.atLine(file, line, "trace '" + s.info().id() + "' names the file '" + s.file()
                    + "', outside the dataset's traces/ directory");
        }
        return s;
    }

    /** Whether a relative path stays below {@code traces/}: no absolute path, no '..' step. */
    static boolean insideTraces(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        if (p.isAbsolute() || p.getRoot() != null || p.getNameCount() < 2 || !p.getName(0).toString().equals(TRACES)) {
            return false;
        }
        for (Path part : p) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                return false;
            }
        }
        return true;
    }

    public Path dir() {
        return dir;
    }

    /** Where the traces come from, when the dataset records it. */
    public Optional<String> origin() {
        return settings.origin();
    }

    DatasetSettings settings() {
        return settings;
    }

    /** Interval length the dataset's {@code intervals.csv} was cut with. */
    public long intervalUs() {
        return intervalUs;
    }

    public List<TraceSummary> traces() {
        return traces;
    }

    public Optional<TraceSummary> trace(String id) {
        return traces.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Two traces measured together, and for how long their send times overlap. */
    public record Together(String a, String b, long overlapUs) {
    }

    /**
     * Every pair of traces with probes whose send times overlap by at least one interval (the
     * dataset's), in index order: the traces that can be replayed side by side in time.
     */
    public List<Together> concurrentPairs() {
        List<Together> pairs = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            for (int j = i + 1; j < traces.size(); j++) {
                TraceSummary a = traces.get(i);
                TraceSummary b = traces.get(j);
                if (a.probes() > 0 && b.probes() > 0 && Concurrency.concurrent(a.span(), b.span(), intervalUs)) {
                    pairs.add(new Together(a.id(), b.id(), Concurrency.overlapUs(a.span(), b.span())));
                }
            }
        }
        return pairs;
    }

    /** Reads a trace's probes. */
    public Trace load(String id) throws IOException, IngestException {
        TraceSummary summary = trace(id).orElseThrow(() -> IngestException.inFile(dir.resolve(INDEX).toString(),
                "no trace '" + id + "'"));
        Path file = dir.resolve(summary.file());
        Trace t = TraceFormat.of(file) == TraceFormat.COMPACT ? CompactTraceReader.read(file, summary.info())
                : readCsv(file, summary.info(), summary.probes());
        // a file cut short or edited, or an index edited: the two must tell the same trace
        if (t.size() != summary.probes() || t.loss().lossCount() != summary.lost()) {
            throw IngestException.inFile(file.toString(), "holds " + t.size() + " probes (" + t.loss().lossCount()
                    + " lost) where the index says " + summary.probes() + " (" + summary.lost() + " lost); the file "
                    + "or the index was changed since the import: import again");
        }
        return t;
    }

    /** Reads a trace file, CSV ({@code index,seq,send_us,lost,rtt_us[,owd_us]}) or compact (by name). */
    public static Trace read(Path file, TraceInfo info) throws IOException, IngestException {
        if (TraceFormat.of(file) == TraceFormat.COMPACT) {
            return CompactTraceReader.read(file, info);
        }
        return readCsv(file, info, -1);
    }

    /** {@code probes}: the count the index gives (the columns' size when right), or -1. */
    private static Trace readCsv(Path file, TraceInfo info, long probes) throws IOException, IngestException {
        Optional<Trace> fast = TraceCsvFastReader.read(file, info, probes);
        return fast.isPresent() ? fast.get() : readCsvGeneral(file, info);
    }

    /**
     * Any CSV trace file, through commons-csv: the reference (benchmarks and tests compare the
     * fast path with it), and the reader of files the fast path declines.
     */
    public static Trace readCsvGeneral(Path file, TraceInfo info) throws IOException, IngestException {
        String name = file.toString();
        ProbeColumns probes = new ProbeColumns();
        CsvInput.read(file, TraceCsvWriter.TABLE, TraceCsvWriter.COLUMNS_BEFORE_OWD, (r, line) -> probes.add(name, line, r));
        try {
            return probes.trace(info);
        } catch (IllegalArgumentException e) {
            throw IngestException.inFile(name, e.getMessage());
        }
    }

    /** The probes of a trace file, column by column as they are read. */
    static final class ProbeColumns {
        private int n;
        private int[] seq;
        private long[] send;
        private int[] rtt;
        /** Null until a probe has a one-way delay. */
        private int[] owd;
        private final LossSequence.Builder loss;

        ProbeColumns() {
            this(1024);
        }

        /** Room for {@code expected} probes before growing (fresh memory is not free: size it well). */
        ProbeColumns(int expected) {
            int c = Math.max(16, expected);
            seq = new int[c];
            send = new long[c];
            rtt = new int[c];
            loss = new LossSequence.Builder(c);
        }

        void add(String name, long line, CSVRecord f) throws IngestException {
            try {
                if (Integer.parseInt(f.get(0)) != n) {
                    throw IngestException.atLine(name, line, "index " + f.get(0) + " where " + n + " belongs");
                }
                String lost = f.get(3);
                if (!lost.equals("0") && !lost.equals("1")) {
                    throw IngestException.atLine(name, line, "lost must be 0 or 1");
                }
                int owdUs = f.size() <= 5 || f.get(5).isEmpty() ? Probe.NO_OWD : Integer.parseInt(f.get(5));
                if (owdUs == Probe.NO_OWD && f.size() > 5 && !f.get(5).isEmpty()) {
                    throw IngestException.atLine(name, line, "owd_us " + f.get(5) + " is out of range");
                }
                if (owdUs != Probe.NO_OWD && lost.equals("1")) {
                    throw IngestException.atLine(name, line, "a lost probe has no one-way delay");
                }
                add(Integer.parseInt(f.get(1)), Long.parseLong(f.get(2)), lost.equals("1"),
                        f.get(4).isEmpty() ? Probe.NO_RTT : Integer.parseInt(f.get(4)), owdUs);
            } catch (NumberFormatException e) {
                throw IngestException.atLine(name, line, "not a number: " + e.getMessage());
            }
        }

        void add(int seqValue, long sendUs, boolean lost, int rttUs, int owdUs) {
            if (n == seq.length) {
                seq = Arrays.copyOf(seq, 2 * n);
                send = Arrays.copyOf(send, 2 * n);
                rtt = Arrays.copyOf(rtt, 2 * n);
                owd = owd == null ? null : Arrays.copyOf(owd, 2 * n);
            }
            if (owdUs != Probe.NO_OWD && owd == null) {
                owd = new int[seq.length];
                Arrays.fill(owd, 0, n, Probe.NO_OWD);
            }
            if (owd != null) {
                owd[n] = owdUs;
            }
            seq[n] = seqValue;
            send[n] = sendUs;
            rtt[n] = rttUs;
            loss.add(lost);
            n++;
        }

        Trace trace(TraceInfo info) {
            return new Trace(info, n == seq.length ? seq : Arrays.copyOf(seq, n),
                    n == send.length ? send : Arrays.copyOf(send, n), loss.build(),
                    n == rtt.length ? rtt : Arrays.copyOf(rtt, n),
                    owd == null ? null : n == owd.length ? owd : Arrays.copyOf(owd, n));
        }
    }
}
