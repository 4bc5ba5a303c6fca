package org.smarttunnel.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import java.util.function.Consumer;
import org.smarttunnel.eval.simulate.SimulationOptions;
import org.smarttunnel.eval.simulate.TraceSimulator;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceFormat;

/**
 * The paper-scale evaluation benchmark: a simulated dataset of the paper's size per path
 * (800 s at 2 ms, 1 s on / 1 s off: 200,000 probes, 20 intervals), written straight to a
 * compact dataset (the same traces importing its captures would give), then the paper's whole
 * evaluation at several numbers of runs, each in a fresh JVM reporting its time and peak
 * memory: time should grow linearly with the runs, memory stay flat.
 */
public final class EvaluateBenchmark {
    /** The printed table. */
    public static final TableSpec<Result> TABLE = TableSpec.<Result>named("evaluation benchmark")
            .column(Column.integer("runs", "runs", Result::runs))
            .column(Column.integer("tunnels", "tunnels", Result::tunnels))
            .column(Column.integer("intervals", "intervals", Result::intervals))
            .column(Column.fixed("seconds", "s", "%.1f", r -> r.nanos() / 1e9))
            .column(Column.fixed("ms/tunnel", "ms", "%.0f", r -> r.nanos() / 1e6 / r.tunnels()))
            .column(Measurement.peakRss(Result::peakRssKib))
            .build();

    /** One timed evaluation. */
    public record Result(int runs, long tunnels, long intervals, long nanos, long peakRssKib) {
    }

    /** What to run. */
    public record Plan(int hosts, int sites, long durationNs, List<Integer> runs, int threads, Path work,
            List<String> jvmOptions) {
    }

    private EvaluateBenchmark() {
    }

    public static Path dataset(Plan plan) throws IOException, IngestException {
        Path data = plan.work().resolve("data-" + plan.hosts() + "x" + plan.sites() + "-" + plan.durationNs() / 1_000_000_000L
                + "s");
        if (!TraceDataset.exists(data)) {
            SimulationOptions o = SimulationOptions.builder(plan.hosts(), plan.sites()).durationNs(plan.durationNs())
                    .build();
            TraceSimulator.write(o, data, 40_000_000L, TraceFormat.COMPACT);
        }
        return data;
    }

    public static List<Result> run(Plan plan, Consumer<String> progress) throws IOException, IngestException,
            InterruptedException {
        progress.accept("simulating " + plan.hosts() + " hosts x " + plan.sites() + " sites into " + plan.work());
        Path data = dataset(plan);
        List<Result> out = new ArrayList<>();
        for (int runs : plan.runs()) {
            progress.accept("evaluating with " + runs + " runs per cell, " + plan.threads() + " threads");
            out.add(child(plan, data, runs));
        }
        return out;
    }

    private static Result child(Plan plan, Path data, int runs) throws IOException, InterruptedException {
        String reports = Files.createDirectories(plan.work().resolve("reports-" + runs)).toString();
        String[] f = ChildJvm.results(EvaluateBenchWorker.class, plan.jvmOptions(), List.of(data.toString(), reports,
                String.valueOf(runs), String.valueOf(plan.threads())), "evaluation worker (" + runs + " runs)").get(0)
                .split(" ");
        return new Result(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]));
    }
}
