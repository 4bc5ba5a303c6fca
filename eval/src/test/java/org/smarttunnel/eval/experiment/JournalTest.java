package org.smarttunnel.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.eval.Evaluation;
import org.smarttunnel.eval.Manifest;
import org.smarttunnel.eval.Progress;
import org.smarttunnel.eval.SimulatedData;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.testing.DirectoryTrees;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;

/**
 * Resuming an interrupted evaluation from its journal: whatever point the journal and
 * replay.csv were cut at (a crash between any two writes, a torn record, a damaged byte), the
 * resumed run's files equal an uninterrupted run's, byte for byte.
 */
class JournalTest {
    @TempDir
    static Path tmp;
    static TraceDataset ds;
    static ExperimentOptions options;
    static Path reference;
    static final Map<String, String> SETTINGS = new LinkedHashMap<>(Map.of("--seed", "5"));

    @BeforeAll
    static void uninterrupted() throws Exception {
        ds = TraceDataset.open(SimulatedData.dataset(tmp.resolve("data"), 4, 1, 120, 8));
        options = ExperimentOptions.builder().paths(List.of(2, 3)).redundancies(List.of(7, 14)).runs(3).threads(2)
                .replay(ReplayOptions.builder().seed(5).allocators(Allocators.parse("rr,greedy,smarttunnel"))
                        .models(ModelOptions.builder().intervalUs(SimulatedData.INTERVAL_US).build()).build())
                .build();
        reference = tmp.resolve("reference");
        Evaluation.run(ds, "DATA", options, reference, "reproduce", Progress.silent());
    }

    /** A run stopped after its last tunnel, journal committed after every tunnel and kept: what a crash leaves at the end. */
    private static Path interrupted(String name) throws Exception {
        Path out = tmp.resolve(name);
        try (Journal j = Journal.open(out, 0)) {
            Experiment.run(ds, options, j, SETTINGS, false, Progress.silent());
        }
        return out;
    }

    /** Resumes in {@code out}; returns what the progress said. */
    private static String resume(Path out) throws Exception {
        StringWriter said = new StringWriter();
        Evaluation.run(ds, "DATA", options, out, "reproduce", new Evaluation.Resume(SETTINGS, false),
                new Progress(new PrintWriter(said), false, "tunnels"));
        return said.toString();
    }

    private static void assertSameFiles(Path out) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(reference)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(n)), Files.readAllBytes(out.resolve(n)), n);
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(names.size(), s.count(), "no journal or temporary file left: " + names);
        }
        Manifest.check(out);
    }

    @Test
    void resumingAfterEveryTunnelWasJournalledReplaysNothingAndGivesTheSameFiles() throws Exception {
        Path out = interrupted("complete");
        String said = resume(out);
        assertTrue(said.matches("(?s)resuming: (\\d+) of \\1 tunnels.*"), said);
        assertSameFiles(out);
    }

    @Test
    void cutsAtRandomBytesOfTheJournalAndReplayCsvResumeToTheSameFiles() throws Exception {
        Path whole = interrupted("whole");
        Path dir = whole.resolve(Journal.DIR);
        long journalSize = Files.size(dir.resolve(Journal.FILE));
        long csvSize = Files.size(dir.resolve("replay.csv"));
        Random random = new Random(11);
        boolean someResumed = false;
        for (int i = 0; i < 8; i++) {
            Path out = tmp.resolve("cut" + i);
            DirectoryTrees.copy(whole, out);
            Path cutDir = out.resolve(Journal.DIR);
            // a crash forces replay.csv before the record naming it: the csv may be longer than the
            // journal says (cut it anywhere after), or a damaged disk may have lost its end
            long journalCut = random.nextLong(journalSize + 1);
            long csvCut = i % 3 == 2 ? random.nextLong(csvSize + 1)
                    : i % 3 == 1 ? csvSize : csvSize - random.nextLong(csvSize / 4);
            truncate(cutDir.resolve(Journal.FILE), journalCut);
            truncate(cutDir.resolve("replay.csv"), csvCut);
            if (i % 3 == 1) {
                // blocks allocated but never written before the crash read back as zeros
                Files.write(cutDir.resolve("replay.csv"), new byte[4096 + random.nextInt(4096)],
                        StandardOpenOption.APPEND);
            }
            String said = resume(out);
            someResumed |= said.contains("resuming:");
            assertSameFiles(out);
        }
        assertTrue(someResumed, "some cut left finished tunnels to resume");
    }

    @Test
    void aDamagedRecordEndsWhatIsResumedThere() throws Exception {
        Path out = interrupted("damaged");
        Path file = out.resolve(Journal.DIR).resolve(Journal.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length * 2 / 3] ^= 0x40;
        Files.write(file, bytes);
        String said = resume(out);
        assertTrue(said.startsWith("resuming:") && !said.matches("(?s)resuming: (\\d+) of \\1 tunnels.*"), said);
        assertSameFiles(out);
    }

    @Test
    void aJournalOfOtherSettingsIsRefusedSayingWhatDiffersAndRestartStartsOver() throws Exception {
        Path out = interrupted("other");
        Map<String, String> other = new LinkedHashMap<>(Map.of("--seed", "6"));
        Journal.Mismatch m = assertThrows(Journal.Mismatch.class, () -> Evaluation.run(ds, "DATA", options, out,
                "reproduce", new Evaluation.Resume(other, false), Progress.silent()));
        assertEquals(List.of("--seed: 5 then, 6 now"), m.differences());
        assertTrue(Files.isRegularFile(out.resolve(Journal.DIR).resolve(Journal.FILE)), "the journal is kept");

        ExperimentOptions fewer = options.toBuilder().runs(2).build();
        Journal.Mismatch drawn = assertThrows(Journal.Mismatch.class, () -> Evaluation.run(ds, "DATA", fewer, out,
                "reproduce", new Evaluation.Resume(SETTINGS, false), Progress.silent()));
        assertEquals(List.of("tunnels drawn changed"), drawn.differences());

        StringWriter said = new StringWriter();
        Evaluation.run(ds, "DATA", options, out, "reproduce", new Evaluation.Resume(other, true),
                new Progress(new PrintWriter(said), false, "tunnels"));
        assertFalse(said.toString().contains("resuming"), said.toString());
        assertSameFiles(out);
    }

    @Test
    void aSecondEvaluationOfTheSameReportsIsRefusedWhileTheFirstHoldsThem() throws Exception {
        Path out = tmp.resolve("locked");
        try (Journal first = Journal.open(out)) {
            IngestException e = assertThrows(IngestException.class, () -> Journal.open(out));
            assertTrue(e.getMessage().contains("another evaluation is writing these reports"), e.getMessage());
        }
        try (Journal again = Journal.open(out)) {
            assertTrue(Files.isDirectory(again.dir()), "free once the first let go");
        }
    }

    @Test
    void differencesNameEachSettingAndDigestsOnlyAsChanged() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("--runs", "20");
        before.put("dataset", Journal.DIGEST + "aa");
        before.put("--spacing", "2ms");
        Map<String, String> now = new LinkedHashMap<>();
        now.put("--runs", "20");
        now.put("dataset", Journal.DIGEST + "bb");
        now.put("--threads", "2");
        assertEquals(List.of("dataset changed", "--spacing: 2ms then, not set now", "--threads: not set then, 2 now"),
                Journal.differences(before, now));
    }

    private static void truncate(Path file, long size) throws Exception {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(size);
        }
    }
}
