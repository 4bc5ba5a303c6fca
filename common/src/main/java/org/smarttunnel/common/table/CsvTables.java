package org.smarttunnel.common.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.smarttunnel.common.io.AtomicFiles;

/**
 * Writes declared tables as CSV through commons-csv: RFC 4180 quoting (a field is quoted only
 * when it must be), records ending in a bare line feed, UTF-8, the header first.
 */
public final class CsvTables {
    /** The toolkit's CSV dialect; readers use it too. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvTables() {
    }

    /** The whole table at once, atomically: readers see the old file or the complete new one. */
    public static <T> void write(Path target, TableSpec<T> spec, Iterable<? extends T> rows) throws IOException {
        AtomicFiles.write(target, w -> {
            Sink<T> sink = new Sink<>(w, spec, true);
            for (T row : rows) {
                sink.add(row);
            }
            sink.flush();
        });
    }

    /**
     * A table written row by row as rows stream in, never held whole. The file is written in
     * place: callers write into a staging directory or a temporary file and rename it when done.
     */
    public static <T> Sink<T> open(Path target, TableSpec<T> spec) throws IOException {
        return new Sink<>(Files.newBufferedWriter(target, StandardCharsets.UTF_8), spec, true);
    }

    /** Rows written to {@code out} as they come; the header first unless the table is being continued. */
    public static <T> Sink<T> sink(Writer out, TableSpec<T> spec, boolean header) throws IOException {
        return new Sink<>(out, spec, header);
    }

    /** The text of a whole table, for tests and small outputs. */
    public static <T> String text(TableSpec<T> spec, Iterable<? extends T> rows) {
        StringBuilder sb = new StringBuilder();
        try {
            CSVPrinter p = new CSVPrinter(sb, FORMAT);
            p.printRecord(spec.header());
            for (T row : rows) {
                p.printRecord(spec.texts(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * One field as {@link #FORMAT} prints it. A non-empty field of letters, digits and {@code
     * . - _ ; : +} is never quoted by it (none is a delimiter, quote or line break, none is at
     * or below '#', which it quotes at the start of a record, and none is blank) and is
     * appended as it is, and so is an empty field after the first (quoted only as a record's
     * first field, where it would read as an empty line); anything else goes through commons-csv. A test holds the two equal.
     */
    static void field(String value, StringBuilder line, boolean first) throws IOException {
        int n = value.length();
        if (n == 0 && !first) {
            line.append(',');
            return;
        }
        boolean plain = n > 0;
        for (int i = 0; i < n && plain; i++) {
            char c = value.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= ';' || c >= 'A' && c <= 'Z' || c == '.' || c == '-'
                    || c == '_' || c == '+';
        }
        if (!plain) {
            FORMAT.print(value, line, first);
            return;
        }
        if (!first) {
            line.append(',');
        }
        line.append(value);
    }

    /** Rows of one table going to one writer. */
    public static final class Sink<T> implements AutoCloseable {
        private final Writer out;
        private final CSVPrinter printer;
        private final TableSpec<T> spec;
        private final StringBuilder line = new StringBuilder(256);
        private long rows;

        private Sink(Writer out, TableSpec<T> spec, boolean header) throws IOException {
            this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            this.printer = new CSVPrinter(this.out, FORMAT);
            this.spec = spec;
            if (header) {
                printer.printRecord(spec.header());
            }
        }

        /**
         * One row: commons-csv quotes and separates every field into a buffer (the same call its
         * printer makes per field), and the row goes to the writer in one write — a writer's
         * per-call cost, paid for every character run, was most of the time on long tables.
         */
        public void add(T row) throws IOException {
            line.setLength(0);
            boolean first = true;
            for (Column<T> c : spec.columns()) {
                field(c.of(row), line, first);
                first = false;
            }
            line.append(FORMAT.getRecordSeparator());
            out.append(line);
            rows++;
        }

        /** Rows written so far (the header not counted). */
        public long rows() {
            return rows;
        }

        /** Everything added so far handed to the underlying stream. */
        public void flush() throws IOException {
            printer.flush();
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
