package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.Trace;

/** The index is data: its counts, ids and file names are checked, never trusted. */
class DatasetTrustTest {
    @TempDir
    Path tmp;

    private Path dataset() throws Exception {
        Path z = Files.writeString(tmp.resolve("a.zing"), "# zing 1\n# host=a site=s\n0 1700000000.000 "
                + "1700000000.010\n1 1700000000.002 -\n2 1700000000.004 1700000000.014\n");
        Path ds = tmp.resolve("ds");
        new Importer(ImportOptions.defaults()).importFiles(List.of(z), ds);
        return ds;
    }

    /** Replaces the index's only data row's field {@code column} by {@code value}. */
    private static void edit(Path ds, int column, String value) throws Exception {
        Path index = ds.resolve(TraceDataset.INDEX);
        List<String> lines = Files.readAllLines(index);
        String[] f = lines.get(1).split(",", -1);
        f[column] = value;
        Files.write(index, List.of(lines.get(0), String.join(",", f)));
    }

    private static String refusal(Path ds) {
        return assertThrows(IngestException.class, () -> TraceDataset.open(ds).load("a_s_z")).getMessage();
    }

    @Test
    void filesOutsideTheDatasetAreNeverOpened() throws Exception {
        for (String bad : List.of("../../../../etc/passwd", "/etc/hostname", "traces/../../x.csv", "index.csv")) {
            Path ds = dataset();
            edit(ds, 1, bad);
            assertTrue(refusal(ds).contains("names the file '" + bad + "', outside the dataset's traces/ directory"),
                    bad);
            org.smarttunnel.common.io.FileTrees.delete(ds);
        }
        assertTrue(TraceDataset.insideTraces("traces/a_s_z.csv"));
        assertFalse(TraceDataset.insideTraces("traces"));
    }

    @Test
    void countsThatCannotBeTrueOrDisagreeWithTheFile() throws Exception {
        Path ds = dataset();
        assertEquals(3, TraceDataset.open(ds).load("a_s_z").size());
        edit(ds, 8, "9");
        assertTrue(refusal(ds).contains("has 3 probes and 9 lost, which cannot both be true"), refusal(ds));
        edit(ds, 8, "1");
        edit(ds, 7, "99999999");
        assertTrue(refusal(ds).contains("holds 3 probes (1 lost) where the index says 99999999 (1 lost)"),
                refusal(ds));
        edit(ds, 7, "3");
        Path file = ds.resolve("traces").resolve("a_s_z.csv");
        List<String> rows = Files.readAllLines(file);
        Files.write(file, rows.subList(0, rows.size() - 1));
        assertTrue(refusal(ds).contains("holds 2 probes"), "a trace file cut short is noticed: " + refusal(ds));
    }

    /** A dataset written before directions and one-way delays: its index and trace files lack the last column. */
    @Test
    void datasetsFromBeforeDirectionsAndOneWayDelaysStillRead() throws Exception {
        Path ds = dataset();
        Trace now = TraceDataset.open(ds).load("a_s_z");
        Path index = ds.resolve(TraceDataset.INDEX);
        List<String> lines = Files.readAllLines(index);
        assertTrue(lines.get(0).endsWith(",last_send_us,direction") && lines.get(1).endsWith(",round-trip"), lines.get(0));
        Files.write(index, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        Path file = ds.resolve("traces").resolve("a_s_z.csv");
        Files.write(file, Files.readAllLines(file).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        assertEquals("index,seq,send_us,lost,rtt_us", Files.readAllLines(file).get(0));
        Trace old = TraceDataset.open(ds).load("a_s_z");
        assertEquals(now, old);
        assertEquals(Direction.ROUND_TRIP, old.info().direction());

        Files.write(index, List.of(lines.get(0), lines.get(1).replace(",round-trip", ",sideways")));
        assertTrue(assertThrows(IngestException.class, () -> TraceDataset.open(ds)).getMessage()
                .endsWith("index.csv: line 2: direction 'sideways' is not one of round-trip, up, down"));
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        Path ds = dataset();
        Path index = ds.resolve(TraceDataset.INDEX);
        List<String> lines = Files.readAllLines(index);
        Files.write(index, List.of(lines.get(0), lines.get(1), lines.get(1)));
        assertTrue(assertThrows(IngestException.class, () -> TraceDataset.open(ds)).getMessage()
                .contains("line 3: trace 'a_s_z' listed twice"));
    }
}
