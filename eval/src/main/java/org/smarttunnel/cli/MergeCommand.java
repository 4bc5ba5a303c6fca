package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Shard;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Combine the shards of an evaluation into the files of the whole run.", "",
                "Takes the directories 'evaluate --shard I/N' (or 'sweep --shard I/N') wrote, one per shard, checks that they are the N "
                        + "shards of one run (same settings, dataset, tunnels drawn and version), and writes into "
                        + "REPORTS the files 'evaluate' would have written without --shard, byte for byte: the "
                        + "shards' rows and samples become the journal of a run stopped after its last tunnel, "
                        + "which is then finished there.", ""})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset the shards evaluated.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "REPORTS", description = "Directory for the reports.")
    Path out;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The shards' directories.")
    List<Path> shards;

    @Override
    public Integer call() throws Exception {
        TraceDataset ds = TraceDataset.open(data);
        org.smarttunnel.common.io.IoErrors.requireDirectoryOrAbsent(out);
        PrintWriter w = spec.commandLine().getOut();
        long start = System.nanoTime();
        if (java.nio.file.Files.isRegularFile(shards.get(0).resolve(SweepCommand.GRID_COPY))) {
            return mergeSweep(ds, w);
        }
        Evaluation.Outcome r = merge(data, ds, shards, out);
        w.printf(java.util.Locale.ROOT, "Merged %d shards into %s%n", shards.size(), out);
        EvaluateCommand.summary(w, r, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The shards of a sweep: every point merged, then the sweep's own tables. */
    private int mergeSweep(TraceDataset ds, PrintWriter w) throws Exception {
        byte[] grid = java.nio.file.Files.readAllBytes(shards.get(0).resolve(SweepCommand.GRID_COPY));
        for (Path s : shards) {
            Path copy = s.resolve(SweepCommand.GRID_COPY);
            if (!java.nio.file.Files.isRegularFile(copy) || !java.util.Arrays.equals(grid,
                    java.nio.file.Files.readAllBytes(copy))) {
                throw IngestException.inFile(copy.toString(), "not a shard of the same sweep as " + shards.get(0));
            }
        }
        java.nio.file.Files.createDirectories(out);
        Path gridFile = out.resolve(SweepCommand.GRID_COPY);
        java.nio.file.Files.write(gridFile, grid);
        org.smarttunnel.eval.sweep.Grid g = org.smarttunnel.eval.sweep.Grid.read(gridFile, SweepCommand.SWEEPABLE);
        String digest = org.smarttunnel.eval.experiment.Experiment.datasetDigest(ds);
        for (org.smarttunnel.eval.sweep.Grid.Point p : g.points()) {
            List<Path> dirs = shards.stream().map(s -> s.resolve(p.directory())).toList();
            merge(data, ds, dirs, out.resolve(p.directory()));
            // stamped as a sweep run whole stamps it: a rerun of that sweep keeps the point
            String stamp = SweepCommand.stamp(p, digest, null);
            org.smarttunnel.common.io.AtomicFiles.write(out.resolve(p.directory()).resolve(SweepCommand.POINT_DONE),
                    x -> x.write(stamp));
            w.printf(java.util.Locale.ROOT, "point %d/%d: %s merged%n", p.number(), g.points().size(), p.label());
        }
        SweepCommand.finish(g, out, w);
        return 0;
    }

    /** The shards of one evaluation combined into {@code out}: the journal of the whole run, then the run finished. */
    static Evaluation.Outcome merge(Path data, TraceDataset ds, List<Path> shards, Path out) throws Exception {
        Map<String, String> identity = Shard.journal(shards, out);
        // the run's own options, as its settings name them
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString()));
        identity.forEach((k, v) -> {
            if (k.startsWith("--")) {
                args.add(k);
                if (!v.isEmpty()) {
                    args.add(v);
                }
            }
        });
        EvaluateCommand e = new EvaluateCommand();
        new CommandLine(e).parseArgs(args.toArray(new String[0]));
        ExperimentOptions o = e.options().withDatasetInterval(ds.intervalUs());
        Map<String, String> settings = EvaluateCommand.settings(o);
        if (!settings.get("version").equals(identity.get("version"))) {
            throw IngestException.inFile(shards.get(0).resolve(Shard.FILE).toString(), "made by " + identity.get(
                    "version") + ", not by this " + settings.get("version") + ": merge with the version that made it");
        }
        return Evaluation.run(ds, data.toString(), o, out, EvaluateCommand.reproduce(o, data, out),
                new Evaluation.Resume(settings, false), org.smarttunnel.eval.Progress.silent());
    }
}
