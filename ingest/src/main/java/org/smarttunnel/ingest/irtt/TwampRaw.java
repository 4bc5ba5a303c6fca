package org.smarttunnel.ingest.irtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.TraceIds;
import org.smarttunnel.ingest.capture.InputFiles;
import org.smarttunnel.ingest.format.InputFile;
import org.smarttunnel.ingest.format.TraceOpener;
import org.smarttunnel.ingest.log.SkippedLines;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.probe.SeqUnwrapper;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * TWAMP's raw records as {@code twping -R} prints them, 16 fields per test packet: {@code SSEQ
 * STIME SS SERR SRTIME SRS SRERR STTL RSEQ RSTIME RS RERR RTIME RS RERR RTTL} — the sender's
 * send time, the reflector's receive and send times, and the sender's receive time (0: the
 * packet or its reflection was lost; the reflector's times travel in the reflection, so a loss
 * has no direction). Made into traces as irtt's are ({@link IrttTraces}): up (STIME to SRTIME),
 * down (RSTIME to RTIME) and the round trip, RTT = (RTIME − STIME) − (RSTIME − SRTIME).
 */
public final class TwampRaw {
    private TwampRaw() {
    }

    /**
     * Reads the whole file; {@code toEpochNs} turns a printed OWAMP timestamp into ns since the
     * epoch (-1 when it cannot be one).
     */
    public static FileReport read(InputFile file, ImportOptions options, TraceOpener traces,
            List<Diagnostic> diagnostics, LongUnaryOperator toEpochNs) throws IOException, IngestException {
        String name = file.name();
        SkippedLines skipped = new SkippedLines(name, diagnostics, "line skipped", "lines skipped");
        IrttRun run = new IrttRun();
        long lineNo = 0;
        try (BufferedReader reader = InputFiles.text(file.path(), name, diagnostics)) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                if (raw.isBlank()) {
                    continue;
                }
                String[] f = raw.trim().split("\\s+");
                if (f.length != 16) {
                    skipped.skip(lineNo, "not a TWAMP raw record (16 fields)");
                    continue;
                }
                long seq;
                long[] t = new long[4];
                try {
                    seq = Long.parseLong(f[0]);
                    int[] at = {1, 4, 9, 12};
                    for (int i = 0; i < 4; i++) {
                        long v = Long.parseUnsignedLong(f[at[i]]);
                        t[i] = v == 0 ? 0 : toEpochNs.applyAsLong(v);
                        if (t[i] < 0) {
                            throw new NumberFormatException("a time stamp before 1970");
                        }
                    }
                } catch (NumberFormatException e) {
                    skipped.skip(lineNo, e.getMessage() != null && e.getMessage().startsWith("a time")
                            ? e.getMessage() : "a field that is not a number in range");
                    continue;
                }
                if (seq < 0 || t[0] == 0) {
                    skipped.skip(lineNo, "no send time");
                    continue;
                }
                boolean received = t[3] != 0 && t[1] != 0 && t[2] != 0;
                long rtt = received ? (t[3] - t[0]) - (t[2] - t[1]) : IrttRun.NONE;
                if (received && rtt < 0) {
                    skipped.skip(lineNo, "the reflector held the packet longer than the round trip took");
                    continue;
                }
                run.add(seq, received ? IrttRun.Lost.FALSE : IrttRun.Lost.TRUE, t[0], received ? t[2] : IrttRun.NONE,
                        rtt, received ? t[1] - t[0] : IrttRun.NONE, received ? t[3] - t[2] : IrttRun.NONE, lineNo);
            }
        }
        skipped.finish();
        run.dropImplausibleTimes(SeqUnwrapper.GAP_LIMIT_NS, name, "send time more than an hour from where the "
                + "session's clock puts this sequence number", "record left out", diagnostics);
        if (run.size == 0) {
            throw IngestException.inFile(name, "no TWAMP raw record in its " + lineNo + " lines: nothing to import");
        }
        IrttTraces made = new IrttTraces(run, options.captureTimeoutNs());
        String host = options.host().orElse(file.stem());
        String site = options.site().orElse(file.stem());
        for (Direction d : options.directions()) {
            ProbeSink sink = traces.open(new TraceInfo(TraceIds.of(host, site, "tw-" + d.id()), host, site, "", "", "",
                    d));
            made.emit(d, sink);
        }
        if (made.unknownDirection() > 0 && !options.directions().equals(List.of(Direction.ROUND_TRIP))) {
            diagnostics.add(Diagnostic.warning(name, made.unknownDirection() + " lost packets: TWAMP cannot tell which "
                    + "way they were lost, so each counts as lost in every one-way trace"));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", (long) run.size);
        counts.put("lost", made.lost());
        counts.put("later than the timeout", made.late());
        return new FileReport(name, "twamp", run.size + " records, " + made.lost() + " lost", counts,
                options.directions().size(), false);
    }
}
