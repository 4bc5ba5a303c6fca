package org.smarttunnel.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.smarttunnel.cli.ShardedRuns;

/**
 * One work unit of the job: shard I of N of the command line, run on an executor into a
 * temporary directory whose files travel back to the driver. The dataset and the input files
 * are made local first ({@link Localizer}).
 */
final class ShardTask implements Function<Integer, ShardOutput> {
    private static final long serialVersionUID = 1L;

    /** An input file's option, name as given and bytes, read on the driver. */
    record Input(String option, String name, byte[] content) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String[] args;
    private final int count;
    private final List<Input> inputs;
    private final boolean copyInputs;

    /**
     * @param copyInputs whether the input files are written out on every machine (a cluster)
     *     instead of read where the command line names them (one machine)
     */
    ShardTask(String[] args, int count, List<Input> inputs, boolean copyInputs) {
        this.args = args.clone();
        this.count = count;
        this.inputs = List.copyOf(inputs);
        this.copyInputs = copyInputs;
    }

    @Override
    public ShardOutput call(Integer index) throws IOException {
        String[] a = localArgs(args, inputs, copyInputs);
        Path out = Files.createTempDirectory("smarttunnel-shard-" + index + "-");
        try {
            StringWriter complaints = new StringWriter();
            int status = ShardedRuns.runShard(a, index, count, out, new PrintWriter(new StringWriter()),
                    new PrintWriter(complaints));
            return new ShardOutput(index, status, complaints.toString(),
                    status == 0 ? files(out) : Map.of());
        } finally {
            org.smarttunnel.common.io.FileTrees.delete(out);
        }
    }

    /** The command line with the dataset and the input files as this machine reads them. */
    static String[] localArgs(String[] args, List<Input> inputs, boolean copyInputs) throws IOException {
        String data = ShardedRuns.value(args, "--data").orElseThrow();
        String[] a = args;
        if (!Localizer.local(data) || data.startsWith("file:")) {
            a = ShardedRuns.with(a, "--data", Localizer.dataset(data).toString());
        }
        if (copyInputs) {
            for (Input in : inputs) {
                a = ShardedRuns.with(a, in.option(), Localizer.inputFile(in.name(), in.content()).toString());
            }
        }
        return a;
    }

    /** Every file under {@code dir}, by relative path in name order. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

}
