package org.smarttunnel.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.ImportReport;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.CaptureIngest;
import org.smarttunnel.ingest.capture.CaptureReader;
import org.smarttunnel.ingest.capture.CaptureStats;
import org.smarttunnel.ingest.dataset.CommitResult;

/**
 * Runs in its own JVM so that its peak memory belongs to one reader and one stage:
 * {@code IngestBenchWorker <fast|pcap4j> <scan|import> <capture> <work dir> <repeats>}. Prints
 * one RESULT line per repeat.
 */
public final class IngestBenchWorker {
    private IngestBenchWorker() {
    }

    public static void main(String[] args) throws IOException, IngestException {
        CaptureReader reader = CaptureReader.valueOf(args[0].toUpperCase(Locale.ROOT));
        String stage = args[1];
        Path capture = Path.of(args[2]);
        Path work = Path.of(args[3]);
        int repeats = Integer.parseInt(args[4]);
        long bytes = Files.size(capture);
        for (int i = 0; i < repeats; i++) {
            System.out.println(once(reader, stage, capture, work.resolve("run-" + i), bytes).toLine());
        }
    }

    static Measurement once(CaptureReader reader, String stage, Path capture, Path work, long bytes)
            throws IOException, IngestException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        long start = System.nanoTime();
        long frames;
        long probes = 0;
        if (stage.equals("scan")) {
            CaptureStats s = CaptureIngest.scan(capture, capture.toString(), reader, diagnostics);
            frames = s.frames();
        } else {
            ImportReport r = new Importer(ImportOptions.builder().reader(reader).build()).importFiles(List.of(capture),
                    work);
            frames = r.files().get(0).count("frames");
            probes = r.commit().added().stream().map(CommitResult.Added::summary).mapToLong(t -> t.probes()).sum();
            diagnostics.addAll(r.diagnostics());
        }
        long nanos = System.nanoTime() - start;
        if (!diagnostics.isEmpty()) {
            throw new IllegalStateException("benchmark capture gave diagnostics: " + diagnostics);
        }
        return new Measurement(reader.name().toLowerCase(Locale.ROOT), stage, frames, probes, bytes, nanos,
                PeakMemory.peakRssKib());
    }
}
