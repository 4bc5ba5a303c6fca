package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.IngestException;

class CsvInputTest {
    @TempDir
    Path dir;

    private List<String> read(String text) throws Exception {
        Path f = dir.resolve("intervals.csv");
        Files.writeString(f, text);
        List<String> out = new ArrayList<>();
        CsvInput.read(f, IntervalRow.TABLE, (r, line) -> out.add(line + ":" + r.get(0)));
        return out;
    }

    @Test
    void recordsComeWithTheLineTheyStartOnEvenAcrossQuotedBreaksAndEmptyLines() throws Exception {
        assertEquals(List.of("2:a", "4:b\nc", "6:d"), read("""
                trace,interval,start_us,probes,lost,loss_rate
                a,0,0,1,0,0

                "b
                c",0,0,1,0,0
                d,0,0,1,0,0"""));
    }

    @Test
    void damageIsNamedWithFileAndLine() {
        IngestException e = assertThrows(IngestException.class, () -> read("""
                trace,interval,start_us,probes,lost,loss_rate
                a,0,0,1,0,0
                b,0,0,1
                """));
        assertEquals(dir.resolve("intervals.csv") + ": line 3: expected 6 fields, found 4", e.getMessage());
        e = assertThrows(IngestException.class, () -> read("trace,interval\n"));
        assertEquals(dir.resolve("intervals.csv") + ": line 1: header is not "
                + "'trace,interval,start_us,probes,lost,loss_rate'", e.getMessage());
        e = assertThrows(IngestException.class, () -> read("""
                trace,interval,start_us,probes,lost,loss_rate
                a,0,0,1,0,0
                "b"x,0,0,1,0,0
                """));
        assertEquals(dir.resolve("intervals.csv") + ": line 3: invalid character between encapsulated "
                + "token and delimiter", e.getMessage());
    }
}
