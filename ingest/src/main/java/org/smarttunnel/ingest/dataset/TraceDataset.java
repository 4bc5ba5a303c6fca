package org.smarttunnel.ingest.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.smarttunnel.ingest.IngestException;
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
    public static final String SETTINGS = "dataset.properties";
    public static final String TRACES = "traces";
    public static final String INTERVALS_HEADER = "trace,interval,start_us,probes,lost,loss_rate";
    static final String INTERVAL_KEY = "interval_us";

    private final Path dir;
    private final long intervalUs;
    private final List<TraceSummary> traces;
    final List<String> indexLines;

    private TraceDataset(Path dir, long intervalUs, List<TraceSummary> traces, List<String> indexLines) {
        this.dir = dir;
        this.intervalUs = intervalUs;
        this.traces = Collections.unmodifiableList(traces);
        this.indexLines = indexLines;
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(INDEX));
    }

    public static TraceDataset open(Path dir) throws IOException, IngestException {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw IngestException.inFile(index.toString(), "no trace dataset here (run 'smarttunnel import' first)");
        }
        long intervalUs = readInterval(dir);
        List<TraceSummary> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!TraceSummary.HEADER.equals(header)) {
                throw IngestException.atLine(index.toString(), 1, "header is not '" + TraceSummary.HEADER + "'");
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (!line.isEmpty()) {
                    rows.add(parseIndexRow(index.toString(), lineNo, line));
                    lines.add(line);
                }
            }
        }
        return new TraceDataset(dir, intervalUs, rows, lines);
    }

    private static long readInterval(Path dir) throws IOException, IngestException {
        Path settings = dir.resolve(SETTINGS);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(settings)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw IngestException.inFile(settings.toString(), "missing; the dataset is incomplete");
        }
        try {
            return Long.parseLong(p.getProperty(INTERVAL_KEY, ""));
        } catch (NumberFormatException e) {
            throw IngestException.inFile(settings.toString(), INTERVAL_KEY + " is not a number of microseconds");
        }
    }

    private static TraceSummary parseIndexRow(String file, long lineNo, String line) throws IngestException {
        List<String> f;
        try {
            f = Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw IngestException.atLine(file, lineNo, e.getMessage());
        }
        if (f.size() != 12) {
            throw IngestException.atLine(file, lineNo, "expected 12 fields, found " + f.size());
        }
        try {
            TraceInfo info = new TraceInfo(f.get(0), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6));
            return new TraceSummary(info, f.get(1), Long.parseLong(f.get(7)), Long.parseLong(f.get(8)),
                    Long.parseLong(f.get(10)), Long.parseLong(f.get(11)));
        } catch (IllegalArgumentException e) {
            throw IngestException.atLine(file, lineNo, e.getMessage());
        }
    }

    public Path dir() {
        return dir;
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

    /** Reads a trace's probes. */
    public Trace load(String id) throws IOException, IngestException {
        TraceSummary summary = trace(id).orElseThrow(() -> IngestException.inFile(dir.resolve(INDEX).toString(),
                "no trace '" + id + "'"));
        return read(dir.resolve(summary.file()), summary.info());
    }

    /** Reads a trace file, CSV ({@code index,seq,send_us,lost,rtt_us}) or compact (by name). */
    public static Trace read(Path file, TraceInfo info) throws IOException, IngestException {
        if (TraceFormat.of(file) == TraceFormat.COMPACT) {
            return CompactTraceReader.read(file, info);
        }
        return readCsv(file, info);
    }

    private static Trace readCsv(Path file, TraceInfo info) throws IOException, IngestException {
        String name = file.toString();
        List<long[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String header = r.readLine();
            if (!TraceCsvWriter.HEADER.equals(header)) {
                throw IngestException.atLine(name, 1, "header is not '" + TraceCsvWriter.HEADER + "'");
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                rows.add(probeRow(name, lineNo, line, rows.size()));
            }
        }
        int n = rows.size();
        int[] seq = new int[n];
        long[] send = new long[n];
        int[] rtt = new int[n];
        LossSequence.Builder loss = new LossSequence.Builder(n);
        for (int i = 0; i < n; i++) {
            long[] row = rows.get(i);
            seq[i] = (int) row[0];
            send[i] = row[1];
            loss.add(row[2] == 1);
            rtt[i] = (int) row[3];
        }
        try {
            return new Trace(info, seq, send, loss.build(), rtt);
        } catch (IllegalArgumentException e) {
            throw IngestException.inFile(name, e.getMessage());
        }
    }

    private static long[] probeRow(String name, long lineNo, String line, int expectedIndex) throws IngestException {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw IngestException.atLine(name, lineNo, "expected 5 fields, found " + f.length);
        }
        try {
            if (Integer.parseInt(f[0]) != expectedIndex) {
                throw IngestException.atLine(name, lineNo, "index " + f[0] + " where " + expectedIndex + " belongs");
            }
            long lost = Long.parseLong(f[3]);
            if (lost != 0 && lost != 1) {
                throw IngestException.atLine(name, lineNo, "lost must be 0 or 1");
            }
            long rtt = f[4].isEmpty() ? Probe.NO_RTT : Integer.parseInt(f[4]);
            return new long[] {Integer.parseInt(f[1]), Long.parseLong(f[2]), lost, rtt};
        } catch (NumberFormatException e) {
            throw IngestException.atLine(name, lineNo, "not a number: " + e.getMessage());
        }
    }
}
