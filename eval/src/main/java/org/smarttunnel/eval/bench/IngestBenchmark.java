package org.smarttunnel.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.eval.simulate.CaptureSimulator;
import org.smarttunnel.eval.simulate.SimulationOptions;

/**
 * The ingest benchmark: generates a request+reply capture of the asked number of probes
 * (four paths from one host, 2 ms spacing, bursty losses), then times each reader and stage
 * in a fresh JVM, which reports its own peak resident memory.
 */
public final class IngestBenchmark {
    public static final int PATHS = 4;
    public static final long SPACING_NS = 2_000_000L;

    /** A measurement on a capture of {@code probes} probes. */
    public record Result(long probes, Measurement measurement) {
    }

    /** A result as printed: with its pass number in its JVM (pass 1 includes JIT warm-up). */
    public record Row(long probes, Measurement m, int pass) {
    }

    /** The printed table. */
    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("ingest benchmark")
            .column(Column.integer("probes", "probes", Row::probes))
            .column(Column.text("reader", r -> r.m().reader()))
            .column(Column.text("stage", r -> r.m().stage()))
            .column(Column.integer("pass", "", Row::pass))
            .column(Column.integer("packets", "packets", r -> r.m().frames()))
            .column(Column.fixed("MB", "MB", "%.0f", r -> r.m().bytes() / 1e6))
            .column(Column.fixed("seconds", "s", "%.3f", r -> r.m().nanos() / 1e9))
            .column(Column.fixed("packets/s", "packets/s", "%,.0f", r -> r.m().framesPerSecond()))
            .column(Measurement.peakRss(r -> r.m().peakRssKib()))
            .build();

    /** Numbers the passes of each (reader, stage, capture) in the order they ran. */
    public static List<Row> rows(List<Result> all) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Measurement m = all.get(i).measurement();
            int pass = 1;
            for (int j = i - 1; j >= 0 && same(all.get(j).measurement(), m); j--) {
                pass++;
            }
            rows.add(new Row(all.get(i).probes(), m, pass));
        }
        return rows;
    }

    private static boolean same(Measurement a, Measurement b) {
        return a.reader().equals(b.reader()) && a.stage().equals(b.stage()) && a.bytes() == b.bytes();
    }

    /** What to measure. */
    public record Plan(List<Long> probeCounts, List<String> readers, List<String> stages, int repeats, Path work,
            List<String> jvmOptions) {
    }

    private IngestBenchmark() {
    }

    /** The capture for {@code probes} probes: {@link #PATHS} paths, each probed every 2 ms. */
    public static Path capture(long probes, Path dir, long seed) throws IOException {
        long perPath = Math.max(1, probes / PATHS);
        SimulationOptions o = SimulationOptions.builder(1, PATHS).seed(seed)
                .probing(perPath * SPACING_NS, SPACING_NS, perPath * SPACING_NS, 0).build();
        return CaptureSimulator.write(o, dir).captures().get(0);
    }

    /** Runs the plan, reporting what it is doing to {@code progress}. */
    public static List<Result> run(Plan plan, Consumer<String> progress) throws IOException, InterruptedException {
        List<Result> all = new ArrayList<>();
        for (long probes : plan.probeCounts()) {
            Path dir = Files.createDirectories(plan.work().resolve("capture-" + probes));
            progress.accept("generating a " + probes + "-probe capture in " + dir);
            Path capture = capture(probes, dir, 1);
            for (String stage : plan.stages()) {
                for (String reader : plan.readers()) {
                    progress.accept("timing " + reader + " " + stage + " on " + probes + " probes");
                    Path work = Files.createDirectories(plan.work().resolve("out-" + probes + "-" + reader + "-" + stage));
                    for (Measurement m : child(plan, reader, stage, capture, work)) {
                        all.add(new Result(probes, m));
                    }
                }
            }
        }
        return all;
    }

    private static List<Measurement> child(Plan plan, String reader, String stage, Path capture, Path work)
            throws IOException, InterruptedException {
        List<Measurement> out = new ArrayList<>();
        for (String line : ChildJvm.results(IngestBenchWorker.class, plan.jvmOptions(), List.of(reader, stage,
                capture.toString(), work.toString(), String.valueOf(plan.repeats())),
                "benchmark worker (" + reader + " " + stage + ")")) {
            out.add(Measurement.parse(line));
        }
        return out;
    }
}
