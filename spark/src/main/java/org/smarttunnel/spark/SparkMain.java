package org.smarttunnel.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command line of the Spark job: its own options, then evaluate or sweep with theirs. */
@Command(name = "smarttunnel-spark", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run 'evaluate' or 'sweep' as an Apache Spark job.", "",
                "The command's work is split into shards (every N-th tunnel of each cell, as --shard I/N), one "
                        + "Spark task each; the driver collects the shards' files and merges them into the files "
                        + "the command writes in one JVM, byte for byte. COMMAND and its options are those of "
                        + "'./smarttunnel evaluate' or './smarttunnel sweep'; --out is a directory on the driver's "
                        + "machine; --data a directory every executor sees at that path, or a Hadoop-compatible URI "
                        + "(hdfs://, s3a:// ...) copied to each machine once.", ""},
        footer = {"", "Examples:", "  spark/smarttunnel-spark evaluate --data traces/demo --out /tmp/reports",
                "  spark/smarttunnel-spark --master spark://head:7077 --tasks 64 \\",
                "      sweep --data /nfs/dataset --grid grid.txt --out sweep",
                "  spark-submit --master yarn --class org.smarttunnel.spark.SparkMain \\",
                "      spark/target/smarttunnel-spark.jar \\",
                "      evaluate --data hdfs:///datasets/campus --out reports"})
public final class SparkMain implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (Spark inside this JVM, "
            + "the default unless spark-submit names one), local[N], spark://HOST:PORT, yarn, k8s://https://HOST:PORT.")
    String master;

    @Option(names = "--tasks", paramLabel = "N", description = "Shards, one task each (default: "
            + SparkRun.SHARDS_PER_SLOT + " per core of the job).")
    Integer tasks;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "evaluate or sweep, and its options.")
    List<String> command;

    /** The job's settings as the command line gives them. */
    SparkRun.Settings settings() {
        return new SparkRun.Settings(Optional.ofNullable(master), Optional.ofNullable(tasks));
    }

    @Override
    public Integer call() {
        return SparkRun.run(settings(), command.toArray(new String[0]), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The command line, its options before COMMAND and everything from COMMAND on passed as it is. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setStopAtPositional(true);
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            err.println("Try 'smarttunnel-spark --help' for its options.");
            return 2;
        });
        System.exit(cl.execute(args));
    }
}
