package org.smarttunnel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.dataset.OpenFiles;
import org.smarttunnel.ingest.dataset.TraceCsvWriter;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceFileWriter;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * Trace files of one paper-size path (200,000 probes at 2 ms, 2% loss; the CSV 7.4 MB): reading
 * the CSV form by the byte-level fast path and through commons-csv, and the compact form, and writing the CSV form with the toolkit's
 * byte-level writer against commons-csv's printer on the same declared table. Scores are
 * milliseconds per trace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceFileBenchmark {
    static final int PROBES = 200_000;
    static final TraceInfo INFO = new TraceInfo("t", "h", "s", "", "", "");

    private Path dir;
    private Path csv;
    private Path compact;
    private List<Probe> probes;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("smarttunnel-jmh-");
        probes = new ArrayList<>();
        Random r = new Random(1);
        long sendNs = 1_726_122_373_000_000_000L;
        for (int i = 0; i < PROBES; i++) {
            sendNs += 2_000_000L + r.nextInt(50_000);
            boolean lost = r.nextInt(50) == 0;
            probes.add(new Probe(i, i & 0xFFFF, sendNs / 1000, lost, lost ? Probe.NO_RTT : 30_000 + r.nextInt(5000)));
        }
        csv = writeFast(dir.resolve("t.csv"), TraceFormat.CSV);
        compact = writeFast(dir.resolve("t.trace.gz"), TraceFormat.COMPACT);
    }

    private Path writeFast(Path file, TraceFormat format) throws IOException {
        try (TraceFileWriter w = TraceFileWriter.of(format, file, 40_000_000L, new OpenFiles(4))) {
            for (Probe p : probes) {
                w.probe(p.seq(), p.sendUs() * 1000, p.lost(), p.hasRtt() ? p.rttUs() * 1000L : -1);
            }
        }
        return file;
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        FileTrees.delete(dir);
    }

    /** The reader every command uses: the byte-level fast path. */
    @Benchmark
    public Trace readCsv() throws Exception {
        return TraceDataset.read(csv, INFO);
    }

    /** The general reader through commons-csv (the fast path's reference). */
    @Benchmark
    public Trace readCsvCommons() throws Exception {
        return TraceDataset.readCsvGeneral(csv, INFO);
    }

    @Benchmark
    public Trace readCompact() throws Exception {
        return TraceDataset.read(compact, INFO);
    }

    @Benchmark
    public Path writeCsvFast() throws IOException {
        return writeFast(dir.resolve("w.csv"), TraceFormat.CSV);
    }

    @Benchmark
    public Path writeCsvCommons() throws IOException {
        Path out = dir.resolve("c.csv");
        CsvTables.write(out, TraceCsvWriter.TABLE, probes);
        return out;
    }
}
