package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.testing.DirectoryTrees;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * An import killed at any step of its commit: before its plan the dataset is as it was, after
 * it the next reader finishes the renames, so what any command sees is exactly the dataset
 * before or exactly the dataset after, with no stray file.
 */
class CommitCrashTest {
    private static final long INTERVAL_US = 2_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path tmp;

    /** A dataset holding one trace. */
    private Path before() throws Exception {
        Path dir = tmp.resolve("before");
        if (!Files.exists(dir)) {
            try (DatasetWriter w = DatasetWriter.open(dir, INTERVAL_US)) {
                w.commit(List.of(trace(w, "first", 0)));
            }
        }
        return dir;
    }

    /** A trace of 3,000 probes 2 ms apart, every 7th lost, staged by {@code w}. */
    private static PendingTrace trace(DatasetWriter w, String id, int shift) {
        TraceFileWriter sink = TraceFileWriter.of(TraceFormat.CSV, w.stagingFile(TraceFormat.CSV), INTERVAL_US,
                new OpenFiles(4));
        for (int i = 0; i < 3000; i++) {
            boolean lost = (i + shift) % 7 == 0;
            sink.probe(i, T0 + i * 2_000_000L, lost, lost ? -1 : 20_000_000L + i);
        }
        sink.close();
        return new PendingTrace(new TraceInfo(id, "h-" + id, "site", "10.0.0." + (shift + 1), "192.0.2.1",
                "" + shift), sink.file(), sink.stats());
    }

    /** Two more traces committed into a copy of the dataset, the commit cut after {@code renames} renames. */
    private Path importTwo(String name, int renames) throws Exception {
        Path dir = DirectoryTrees.copy(before(), tmp.resolve(name));
        DatasetWriter w = DatasetWriter.open(dir, INTERVAL_US);
        w.commit(List.of(trace(w, "second", 1), trace(w, "third", 2)), renames);
        w.abandon();
        return dir;
    }

    @Test
    void aCommitKilledAfterAnyRenameIsFinishedByTheNextReader() throws Exception {
        Path whole = importTwo("after", Integer.MAX_VALUE);
        assertEquals(3, TraceDataset.open(whole).traces().size()); // which removes the killed import's empty staging
        Map<String, String> after = DirectoryTrees.contents(whole);
        Map<String, String> before = DirectoryTrees.contents(before());
        assertNotEquals(before, after);
        // two traces, intervals.csv, dataset.properties, index.csv: five renames, then the plan removed
        for (int renames = 0; renames <= 5; renames++) {
            Path dir = importTwo("cut" + renames, renames);
            assertTrue(hasStaging(dir), "the killed commit left its planned staging");
            TraceDataset ds = TraceDataset.open(dir);
            assertEquals(3, ds.traces().size(), "cut after " + renames);
            assertEquals(after, DirectoryTrees.contents(dir), "cut after " + renames + " renames");
            assertFalse(hasStaging(dir));
        }
    }

    @Test
    void anImportKilledBeforeItsPlanLeavesTheDatasetAsItWas() throws Exception {
        Path dir = DirectoryTrees.copy(before(), tmp.resolve("unplanned"));
        DatasetWriter w = DatasetWriter.open(dir, INTERVAL_US);
        trace(w, "second", 1);
        w.abandon();
        assertTrue(hasStaging(dir));
        assertEquals(1, TraceDataset.open(dir).traces().size());
        assertEquals(DirectoryTrees.contents(before()), DirectoryTrees.contents(dir),
                "staging removed, nothing else touched");
    }

    @Test
    void aReaderLeavesAnImportInProgressAlone() throws Exception {
        Path dir = DirectoryTrees.copy(before(), tmp.resolve("busy"));
        try (DatasetWriter w = DatasetWriter.open(dir, INTERVAL_US)) {
            trace(w, "second", 1);
            assertEquals(1, TraceDataset.open(dir).traces().size());
            assertTrue(hasStaging(dir), "the live import's staging is its own");
        }
        assertFalse(hasStaging(dir));
    }

    private static boolean hasStaging(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
        }
    }
}
