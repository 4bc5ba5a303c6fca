package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.eval.report.SweepChart;
import org.smarttunnel.eval.sweep.Grid;
import org.smarttunnel.eval.sweep.SweepTable;
import org.smarttunnel.ingest.IngestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Evaluate a grid of evaluate's options: one report per point, and the points side by side.", "",
                "The grid file lists, one option per line, the values to try: 'group = 20 | 40 | 80', "
                        + "'paths = 2,3 | 4,6' (an option without its dashes; '|' between values, which may be "
                        + "comma-separated lists themselves; '#' comments). Every combination is a point, evaluated "
                        + "exactly as 'smarttunnel evaluate --data DIR --out OUT/point-NNN --OPTION VALUE ...' "
                        + "would, the other options at their defaults. Writes the points' reports, sweep.csv (every "
                        + "point's cells with its options), sweep_OPTION.svg (Table II's probability against each "
                        + "swept option) and points.csv (each point's options and directory). Every point is "
                        + "checked before the first is evaluated.", ""})
final class SweepCommand implements Callable<Integer> {
    /** The evaluate options a grid may set. */
    static final Set<String> SWEEPABLE = Set.of("paths", "redundancy", "runs", "low-loss", "allocators", "group",
            "emax", "seed", "model", "states", "history", "interval", "modes", "align", "shared", "spacing", "deadline",
            "delays", "confidence", "bootstrap");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Trace dataset (from 'import').")
    Path data;

    @Option(names = "--grid", required = true, paramLabel = "FILE", description = "The grid: values per option.")
    Path grid;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the points and the "
            + "sweep's tables.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Evaluate shard I of N of every point's tunnels "
            + "(evaluate --shard); 'smarttunnel merge' combines the N sweep directories into the whole sweep.")
    String shard;

    @Mixin
    RunMixin running;

    /**
     * In a point's directory once it is done: the version, the dataset's digest, the shard and
     * the point's options (not --threads or --quiet, which change no result). A rerun keeps a point whose stamp is the same and whose files are whole (its
     * manifest holds, or its shard file is there), and evaluates the others again.
     */
    static final String POINT_DONE = "sweep-point.txt";

    private String stamp(Grid.Point p, String digest) throws IOException {
        return stamp(p, digest, shard);
    }

    /** A point's stamp: {@code shard} null for a whole point (a sweep run whole, or its shards merged). */
    static String stamp(Grid.Point p, String digest, String shard) throws IOException {
        StringBuilder s = new StringBuilder(new Main.Version().getVersion()[0]).append('\n').append(digest)
                .append("\nshard ").append(shard == null ? "none" : shard).append('\n');
        p.values().forEach((k, v) -> s.append("--").append(k).append(' ').append(v).append('\n'));
        return s.toString();
    }

    private boolean finished(Path dir) throws IOException, IngestException {
        return shard != null ? Files.isRegularFile(dir.resolve(org.smarttunnel.eval.experiment.Shard.FILE))
                : org.smarttunnel.eval.Manifest.check(dir).isEmpty();
    }

    /** The grid as given, kept in the output: it tells merge a sweep's shards and their points. */
    static final String GRID_COPY = "grid.txt";

    @Override
    public Integer call() throws Exception {
        Grid g = check(grid);
        List<Grid.Point> points = g.points();
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        w.printf(Locale.ROOT, "Sweep of %d points over %s%n", points.size(), String.join(", ",
                g.axes().stream().map(a -> "--" + a.option() + " (" + a.values().size() + ")").toList()));
        w.flush();
        if (shard != null) {
            org.smarttunnel.eval.experiment.Shard.parse(shard);
        }
        Files.createDirectories(out);
        Files.copy(grid, out.resolve(GRID_COPY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String digest = org.smarttunnel.eval.experiment.Experiment.datasetDigest(
                org.smarttunnel.ingest.dataset.TraceDataset.open(data));
        for (Grid.Point p : points) {
            long start = System.nanoTime();
            Path dir = out.resolve(p.directory());
            Path stampFile = dir.resolve(POINT_DONE);
            String stamp = stamp(p, digest);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp) && finished(dir)) {
                w.printf(Locale.ROOT, "point %d/%d: %s -> %s (done before, kept)%n", p.number(), points.size(),
                        p.label(), dir);
                w.flush();
                continue;
            }
            Files.deleteIfExists(stampFile);
            StringWriter said = new StringWriter();
            StringWriter complaints = new StringWriter();
            // a point's progress goes to the terminal unless --quiet; its errors always do
            int code = Main.run(arguments(p), new PrintWriter(said), running.quiet ? new PrintWriter(complaints)
                    : err);
            if (code != 0) {
                err.print(complaints);
                err.printf(Locale.ROOT, "error: point %d (%s) failed; the points before it are in %s%n", p.number(),
                        p.label(), out);
                return code;
            }
            AtomicFiles.write(stampFile, x -> x.write(stamp));
            w.printf(Locale.ROOT, "point %d/%d: %s -> %s (%.0f s)%n", p.number(), points.size(), p.label(),
                    dir, (System.nanoTime() - start) / 1e9);
            w.flush();
        }
        if (shard != null) {
            w.printf(Locale.ROOT, "Sweep shard %s of %d points in %s; when every shard is done: ./smarttunnel merge "
                    + "--data %s --out DIR SHARD_DIRS...%n", shard, points.size(), out, data);
            return 0;
        }
        finish(g, out, w);
        return 0;
    }

    /** sweep.csv, points.csv and the charts of a sweep whose points are in {@code out}. */
    static void finish(Grid g, Path out, PrintWriter w) throws IOException, IngestException {
        List<Grid.Point> points = g.points();
        List<SweepChart.Value> headline = new ArrayList<>();
        for (Grid.Point p : points) {
            headline.addAll(tableII(out, p));
        }
        CsvTables.write(out.resolve("sweep.csv"), SweepTable.spec(g), SweepTable.rows(out, points));
        List<String> index = new ArrayList<>();
        for (Grid.Point p : points) {
            StringBuilder row = new StringBuilder().append(p.number());
            for (Grid.Axis a : g.axes()) {
                row.append(',').append(csv(p.values().get(a.option())));
            }
            index.add(row.append(',').append(p.directory()).toString());
        }
        AtomicFiles.writeLines(out.resolve("points.csv"), "point," + String.join(",", g.axes().stream()
                .map(Grid.Axis::option).toList()) + ",directory", index);
        for (Grid.Axis a : g.axes()) {
            String svg = SweepChart.of(g, a, headline);
            AtomicFiles.write(out.resolve("sweep_" + a.option() + ".svg"), x -> x.write(svg));
        }
        w.printf(Locale.ROOT, "Wrote sweep.csv, points.csv and %d chart%s to %s%n", g.axes().size(),
                g.axes().size() == 1 ? "" : "s", out);
    }

    /**
     * The grid in {@code file}, every point checked as evaluate would check its options: a
     * nonsense value is refused, naming the file, the point and the option, before any work.
     */
    static Grid check(Path file) throws IOException, IngestException {
        Grid g = Grid.read(file, SWEEPABLE);
        for (Grid.Point p : g.points()) {
            List<String> args = new ArrayList<>(List.of("--data", ".", "--out", "."));
            p.values().forEach((k, v) -> args.addAll(List.of("--" + k, v)));
            EvaluateCommand e = new EvaluateCommand();
            new CommandLine(e).parseArgs(args.toArray(new String[0]));
            try {
                e.options();
            } catch (org.smarttunnel.common.options.InvalidSettingException x) {
                throw new IllegalArgumentException(file + ": point " + p.number() + " (" + p.label() + "): "
                        + Flags.of(x.setting()) + " " + x.problem());
            }
        }
        return g;
    }

    /** evaluate's command line for a point. */
    private String[] arguments(Grid.Point p) {
        List<String> args = new ArrayList<>(List.of("evaluate"));
        args.addAll(List.of("--data", data.toString(), "--out", out.resolve(p.directory()).toString()));
        if (running.quiet) {
            args.add("--quiet");
        }
        if (running.threads != null) {
            args.addAll(List.of("--threads", running.threads.toString()));
        }
        if (shard != null) {
            args.addAll(List.of("--shard", shard));
        }
        p.values().forEach((k, v) -> args.addAll(List.of("--" + k, v)));
        return args.toArray(new String[0]);
    }

    /** A point's Table II rows, from its loss_free_by_paths.csv. */
    private static List<SweepChart.Value> tableII(Path out, Grid.Point p) throws IOException, IngestException {
        Path file = out.resolve(p.directory()).resolve("loss_free_by_paths.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<SweepChart.Value> v = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 6) {
                throw IngestException.atLine(file.toString(), i + 1, "expected at least 6 fields");
            }
            v.add(new SweepChart.Value(p.number(), f[2], f[3], f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5])));
        }
        return v;
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
