package org.smarttunnel.common.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    record Row(String name, long count, double share) {
    }

    static final TableSpec<Row> TABLE = TableSpec.<Row>named("rows.csv")
            .column(Column.text("name", Row::name))
            .column(Column.integer("count", "probes", Row::count))
            .column(Column.number("share", "fraction", Row::share))
            .build();

    static final List<Row> ROWS = List.of(new Row("a", 3, 0.25), new Row("with, comma", 12, Double.NaN),
            new Row("say \"hi\"", 0, 1.0 / 3), new Row("#tag", 1, 1e-9));

    @TempDir
    Path dir;

    @Test
    void csvQuotesOnlyWhatMustBeQuotedAndEndsRecordsWithALineFeed() throws Exception {
        CsvTables.write(dir.resolve("rows.csv"), TABLE, ROWS);
        assertEquals("""
                name,count,share
                a,3,0.25
                "with, comma",12,
                "say ""hi\"\"",0,0.333333
                "#tag",1,1E-9
                """, Files.readString(dir.resolve("rows.csv")));
        assertEquals(Files.readString(dir.resolve("rows.csv")), CsvTables.text(TABLE, ROWS));
    }

    @Test
    void streamingGivesTheSameFileAndCountsRows() throws Exception {
        try (CsvTables.Sink<Row> sink = CsvTables.open(dir.resolve("s.csv"), TABLE)) {
            for (Row r : ROWS) {
                sink.add(r);
            }
            assertEquals(4, sink.rows());
        }
        assertEquals(CsvTables.text(TABLE, ROWS), Files.readString(dir.resolve("s.csv")));
    }

    @Test
    void markdownAlignsNumbersRight() {
        assertEquals("""
                | name | count | share |
                |---|---:|---:|
                | a | 3 | 0.25 |
                """, MarkdownTable.of(TABLE.columns(), ROWS.subList(0, 1)));
    }

    @Test
    void terminalPadsColumnsAndPrintsAFooter() {
        StringWriter s = new StringWriter();
        TerminalTable.print(new PrintWriter(s, true), TABLE.columns(), ROWS.subList(0, 2), List.of("total", "15",
                ""));
        assertEquals("""
                name         count  share
                a                3   0.25
                with, comma     12
                total           15
                """, s.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aColumnReadsThroughAPartOfALargerRow() {
        record Outer(int run, Row row) {
        }
        TableSpec<Outer> outer = TableSpec.<Outer>named("outer.csv").column(Column.integer("run", "", Outer::run))
                .columns(TABLE, Outer::row).build();
        assertEquals(List.of("run", "name", "count", "share"), outer.header());
        assertEquals(List.of("7", "a", "3", "0.25"), outer.texts(new Outer(7, ROWS.get(0))));
    }

    @Test
    void aTableNeedsDistinctColumns() {
        assertThrows(IllegalArgumentException.class, () -> TableSpec.<Row>named("x").column(Column.text("a",
                Row::name)).column(Column.text("a", Row::name)).build());
        assertThrows(IllegalArgumentException.class, () -> TableSpec.<Row>named("x").build());
    }

    /** The sink's own field writing against commons-csv's, on strings of every awkward character. */
    @Test
    void fieldsAreWrittenAsCommonsCsvWritesThem() throws Exception {
        String alphabet = "aZ09.-_;:+ ,\"\n\r#\t!'$/\u00e9\u0000~";
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int c = 0; c < 200_000; c++) {
            StringBuilder v = new StringBuilder();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                v.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            boolean first = r.nextBoolean();
            StringBuilder want = new StringBuilder("x");
            CsvTables.FORMAT.print(v.toString(), want, first);
            StringBuilder got = new StringBuilder("x");
            CsvTables.field(v.toString(), got, first);
            assertEquals(want.toString(), got.toString(), "[" + v + "] first=" + first);
        }
    }
}
