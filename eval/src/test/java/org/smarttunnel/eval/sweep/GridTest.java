package org.smarttunnel.eval.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.IngestException;

class GridTest {
    @TempDir
    Path tmp;

    private static final Set<String> OPTIONS = Set.of("group", "paths", "history");

    @Test
    void theCartesianProductInFileOrderTheLastFastest() throws Exception {
        Path f = Files.writeString(tmp.resolve("g.txt"), "# a sweep\ngroup = 20 | 40\n\n--paths = 2,3 | 4,6 | 2\n");
        Grid g = Grid.read(f, OPTIONS);
        assertEquals(6, g.size());
        List<String> labels = g.points().stream().map(p -> p.number() + " " + p.label()).toList();
        assertEquals(List.of("1 group=20 paths=2,3", "2 group=20 paths=4,6", "3 group=20 paths=2",
                "4 group=40 paths=2,3", "5 group=40 paths=4,6", "6 group=40 paths=2"), labels);
        assertEquals("point-006", g.points().get(5).directory());
    }

    @Test
    void badLinesNameTheFileAndLine() throws Exception {
        Path unknown = Files.writeString(tmp.resolve("u.txt"), "group = 20\ncolour = red\n");
        IngestException e = assertThrows(IngestException.class, () -> Grid.read(unknown, OPTIONS));
        assertTrue(e.toDiagnostic().toString().contains("line 2"), e.toDiagnostic().toString());
        assertTrue(e.getMessage().contains("evaluate has no option --colour"), e.getMessage());
        Path twice = Files.writeString(tmp.resolve("t.txt"), "group = 20\ngroup = 40\n");
        assertTrue(assertThrows(IngestException.class, () -> Grid.read(twice, OPTIONS)).getMessage()
                .contains("swept twice"));
        Path empty = Files.writeString(tmp.resolve("e.txt"), "group = 20 ||\n");
        assertTrue(assertThrows(IngestException.class, () -> Grid.read(empty, OPTIONS)).getMessage()
                .contains("an empty value for --group"));
        Path nothing = Files.writeString(tmp.resolve("n.txt"), "# only a comment\n");
        assertTrue(assertThrows(IngestException.class, () -> Grid.read(nothing, OPTIONS)).getMessage()
                .contains("no option to sweep"));
        Path noEquals = Files.writeString(tmp.resolve("x.txt"), "group 20\n");
        assertTrue(assertThrows(IngestException.class, () -> Grid.read(noEquals, OPTIONS)).getMessage()
                .contains("expected 'option = value | value ...'"));
    }
}
