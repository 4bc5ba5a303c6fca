package org.smarttunnel.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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

    /** What to measure. */
    public record Plan(List<Long> probeCounts, List<String> readers, List<String> stages, int repeats, Path work,
            List<String> jvmOptions) {
    }

    private IngestBenchmark() {
    }

    /** The capture for {@code probes} probes: {@link #PATHS} paths, each probed every 2 ms. */
    public static Path capture(long probes, Path dir, long seed) throws IOException {
        long perPath = Math.max(1, probes / PATHS);
        SimulationOptions o = SimulationOptions.paper(1, PATHS, seed)
                .withProbing(perPath * SPACING_NS, SPACING_NS, perPath * SPACING_NS, 0);
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
