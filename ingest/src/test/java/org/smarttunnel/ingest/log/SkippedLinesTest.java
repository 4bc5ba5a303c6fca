package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.ingest.Diagnostic;

class SkippedLinesTest {
    @Test
    void theFirstTwentyAreToldByLineTheRestCountedAtTheFirstOfThem() {
        List<Diagnostic> d = new ArrayList<>();
        SkippedLines s = new SkippedLines("a.log", d);
        for (int line = 10; line < 35; line++) {
            s.skip(line, new BadField("icmp_seq", "99999999999", "is out of range"));
        }
        s.finish();
        assertEquals(21, d.size());
        assertEquals("line 10", d.get(0).where());
        assertEquals("line 29", d.get(19).where());
        assertEquals("line 30", d.get(20).where());
        assertEquals("5 more lines with a field out of range skipped, the first here", d.get(20).message());
    }

    @Test
    void twentyOrFewerNeedNoCount() {
        List<Diagnostic> d = new ArrayList<>();
        SkippedLines s = new SkippedLines("a.log", d);
        for (int line = 1; line <= 20; line++) {
            s.skip(line, new BadField("time", "x", "is not a number"));
        }
        s.finish();
        assertEquals(20, d.size());
    }
}
