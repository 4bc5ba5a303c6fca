package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.IngestException;

/**
 * Reads a CSV file the toolkit wrote, through commons-csv: the header must be the table's
 * declared one; every record reaches {@code rows} with its line number; a malformed record
 * (an unterminated quote, a wrong field count) is an error naming the file and line. Empty
 * lines are skipped.
 */
public final class CsvInput {
    /** Takes one record. */
    public interface Rows {
        void row(CSVRecord record, long line) throws IngestException;
    }

    private CsvInput() {
    }

    public static void read(Path file, TableSpec<?> spec, Rows rows) throws IOException, IngestException {
        read(file, spec, spec.header().size(), rows);
    }

    /**
     * As {@link #read(Path, TableSpec, Rows)}, also taking files written before the table's
     * last columns were added: a header of the first {@code oldest} columns or more, whose
     * records then have that many fields.
     */
    public static void read(Path file, TableSpec<?> spec, int oldest, Rows rows) throws IOException, IngestException {
        String name = file.toString();
        List<String> full = spec.header();
        List<String> header = full;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CsvTables.FORMAT.parse(in)) {
            Iterator<CSVRecord> it = parser.iterator();
            long line = 1;
            boolean first = true;
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw IngestException.atLine(name, line, reason(e));
                }
                long at = line;
                line += 1 + breaks(r);
                if (first) {
                    first = false;
                    List<String> found = r.toList();
                    if (found.size() >= oldest && found.size() < full.size() && full.subList(0, found.size()).equals(found)) {
                        header = found;
                    } else if (!header.equals(found)) {
                        throw IngestException.atLine(name, 1, "header is not '" + String.join(",", header) + "'");
                    }
                } else if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                } else if (r.size() != header.size()) {
                    throw IngestException.atLine(name, at, "expected " + header.size() + " fields, found " + r.size());
                } else {
                    rows.row(r, at);
                }
            }
            if (first) {
                throw IngestException.atLine(name, 1, "header is not '" + String.join(",", header) + "'");
            }
        }
    }

    /** Line breaks inside the record's (quoted) fields: a record spans 1 + this many lines. */
    private static long breaks(CSVRecord r) {
        long n = 0;
        for (String v : r) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String reason(UncheckedIOException e) {
        String m = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (m == null) {
            return "malformed CSV";
        }
        m = m.replaceFirst("^IOException reading next record: ", "").replaceFirst("^[\\w.]*Exception: ", "")
                .replaceFirst("^\\(line [\\d,]+\\) ", "").replaceFirst(" at line: [\\d,]+, position: [\\d,]+$", "");
        return m.isEmpty() ? "malformed CSV" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
