package org.smarttunnel.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.smarttunnel.cli.ShardedRuns;

/**
 * An {@code evaluate} or {@code sweep} command line run as a Spark job: its work split into
 * shards ({@code --shard I/N}: every N-th tunnel of every cell), one Spark task each, their
 * files collected on the driver and merged into the files one JVM writes, byte for byte. The
 * seeds are fixed per tunnel, so neither the number of tasks nor where they run changes a
 * result.
 */
public final class SparkRun {
    /** The master when neither --master nor spark-submit names one: Spark inside this JVM, one thread per core. */
    public static final String DEFAULT_MASTER = "local[*]";
    /** Shards per task slot (cores of the job) when --tasks is not given: a slow shard then holds up less. */
    public static final int SHARDS_PER_SLOT = 2;

    /** The job's own settings; {@code master} and {@code tasks} empty for the defaults. */
    public record Settings(Optional<String> master, Optional<Integer> tasks) {
        public static Settings defaults() {
            return new Settings(Optional.empty(), Optional.empty());
        }
    }

    private SparkRun() {
    }

    /** Runs {@code args} (evaluate or sweep with its options) as a Spark job; returns the exit status. */
    public static int run(Settings settings, String[] args, PrintWriter said, PrintWriter err) {
        Optional<String> bad = ShardedRuns.check(args);
        if (bad.isPresent()) {
            err.println(bad.get());
            err.flush();
            return 2;
        }
        if (settings.tasks().isPresent() && settings.tasks().get() < 1) {
            err.println("error: --tasks must be at least 1, not " + settings.tasks().get());
            err.flush();
            return 2;
        }
        String data = ShardedRuns.value(args, "--data").orElseThrow();
        Path out = Path.of(ShardedRuns.value(args, "--out").orElseThrow());
        List<ShardTask.Input> inputs = new ArrayList<>();
        for (String option : ShardedRuns.INPUT_FILES) {
            Optional<String> file = ShardedRuns.value(args, option);
            if (file.isPresent()) {
                try {
                    inputs.add(new ShardTask.Input(option, file.get(), Files.readAllBytes(Path.of(file.get()))));
                } catch (IOException e) {
                    err.println("error: " + option + " " + org.smarttunnel.common.io.IoErrors.describe(e));
                    err.flush();
                    return 1;
                }
            }
        }
        SparkConf conf = new SparkConf().setAppName("smarttunnel " + args[0]);
        settings.master().ifPresent(conf::setMaster);
        if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        Optional<String> missing = managerMissing(conf.get("spark.master"));
        if (missing.isPresent()) {
            err.println(missing.get());
            err.flush();
            return 2;
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        ownJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
        String[] command = args;
        if (ShardedRuns.value(args, "--threads").isEmpty()) {
            // a task's evaluation uses the cores Spark gives the task
            command = ShardedRuns.with(args, "--threads", conf.get("spark.task.cpus", "1"));
        }
        long start = System.nanoTime();
        List<ShardOutput> outputs;
        String master;
        int count;
        boolean cluster;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            master = sc.master();
            cluster = !sc.isLocal();
            count = settings.tasks().orElse(SHARDS_PER_SLOT * sc.defaultParallelism());
            if (cluster && Localizer.local(data) && !data.startsWith("file:") && !Path.of(data).isAbsolute()) {
                // an executor's working directory is its own: a shared path must be absolute there
                command = ShardedRuns.with(command, "--data", Path.of(data).toAbsolutePath().normalize().toString());
            }
            List<Integer> shards = IntStream.rangeClosed(1, count).boxed().toList();
            outputs = new ArrayList<>(sc.parallelize(shards, count).map(new ShardTask(command, count, inputs, cluster))
                    .collect());
        } catch (RuntimeException e) {
            err.println("error: the Spark job failed: " + firstLine(e));
            err.flush();
            return 3;
        }
        outputs.sort(Comparator.comparingInt(ShardOutput::index));
        for (ShardOutput o : outputs) {
            if (o.status() != 0) {
                err.print(o.complaints());
                err.printf(Locale.ROOT, "error: shard %d/%d failed (the command alone reports the same)%n", o.index(),
                        count);
                err.flush();
                return o.status();
            }
        }
        said.printf(Locale.ROOT, "Spark (%s): %d shards of %s done in %.1f s; merging%n", master, count, args[0],
                (System.nanoTime() - start) / 1e9);
        said.flush();
        Path work = null;
        try {
            work = Files.createTempDirectory("smarttunnel-spark-shards");
            List<Path> dirs = new ArrayList<>();
            for (ShardOutput o : outputs) {
                Path dir = work.resolve("shard-" + o.index());
                for (var f : o.files().entrySet()) {
                    Path file = dir.resolve(f.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, f.getValue());
                }
                dirs.add(dir);
            }
            String[] local = ShardTask.localArgs(args, inputs, cluster);
            return ShardedRuns.merge(Path.of(ShardedRuns.value(local, "--data").orElseThrow()), out, dirs, said, err);
        } catch (IOException e) {
            err.println("error: " + org.smarttunnel.common.io.IoErrors.describe(e));
            err.flush();
            return 1;
        } finally {
            try {
                if (work != null) {
                    org.smarttunnel.common.io.FileTrees.delete(work);
                }
            } catch (IOException e) {
                err.println("warning: could not remove " + work + ": " + e.getMessage());
            }
        }
    }

    /**
     * Why this JVM cannot reach {@code master}, if it cannot: YARN and Kubernetes come with a
     * cluster's Spark (spark-submit), not with the launcher's local Spark jars.
     */
    static Optional<String> managerMissing(String master) {
        String manager = master.startsWith("yarn") ? "org.apache.spark.deploy.yarn.YarnClusterManager"
                : master.startsWith("k8s://") ? "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager" : null;
        if (manager == null) {
            return Optional.empty();
        }
        try {
            Class.forName(manager, false, SparkRun.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("error: --master " + master + " needs the cluster's own Spark: submit "
                    + "spark/target/smarttunnel-spark.jar with its spark-submit (docs/spark.md)");
        }
    }

    /** The jar this class came from, for the executors of a cluster the job was not submitted to with it. */
    private static Optional<String> ownJar() {
        try {
            Path p = Path.of(SparkRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        int nl = m.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
