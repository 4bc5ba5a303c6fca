package org.smarttunnel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.CsvInput;

/**
 * {@code manifest.csv}: the outputs of one evaluation, with their sizes and SHA-256, written
 * after every output is in place and removed before the first is replaced. An output directory
 * with a manifest that every file matches holds one run's outputs, whole; one without (a run
 * killed while it switched its files) or with a file that differs holds a mixture, and a
 * reader must not trust it — {@link #check} says which.
 */
public final class Manifest {
    public static final String FILE = "manifest.csv";

    /** One output file. */
    public record Entry(String file, long bytes, String sha256) {
    }

    public static final TableSpec<Entry> TABLE = TableSpec.<Entry>named(FILE)
            .about("evaluate's outputs of one run with their sizes and SHA-256: removed before the first output is "
                    + "replaced and written after the last is in place, so a directory without it (a run killed while "
                    + "it switched its files) or with a file that does not match may mix two runs")
            .column(Column.text("file", Entry::file))
            .column(Column.integer("bytes", "bytes", Entry::bytes))
            .column(Column.text("sha256", Entry::sha256))
            .build();

    private Manifest() {
    }

    /** The entry of {@code file}, named by its file name. */
    static Entry of(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Entry(file.getFileName().toString(), bytes, HexFormat.of().formatHex(sha.digest()));
    }

    static void write(Path dir, List<Entry> entries) throws IOException {
        CsvTables.write(dir.resolve(FILE), TABLE, entries);
    }

    /**
     * What is wrong with {@code dir} as one run's outputs: empty when its manifest is there and
     * every file it lists has that size and digest; otherwise one line per problem.
     */
    public static List<String> check(Path dir) throws IOException, IngestException {
        List<String> problems = new ArrayList<>();
        Path manifest = dir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            problems.add(FILE + " is missing: the outputs may come from different runs");
            return problems;
        }
        List<Entry> listed = new ArrayList<>();
        CsvInput.read(manifest, TABLE, (r, line) -> {
            try {
                listed.add(new Entry(r.get(0), Long.parseLong(r.get(1)), r.get(2)));
            } catch (NumberFormatException e) {
                throw IngestException.atLine(manifest.toString(), line, "bytes is not a number");
            }
        });
        for (Entry e : listed) {
            Path file = dir.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                problems.add(e.file() + " is missing");
            } else if (!of(file).equals(e)) {
                problems.add(e.file() + " differs from the run the manifest describes");
            }
        }
        return problems;
    }
}
