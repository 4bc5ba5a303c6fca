package org.smarttunnel.ingest.owamp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.TraceIds;
import org.smarttunnel.ingest.capture.InputFiles;
import org.smarttunnel.ingest.format.FileHead;
import org.smarttunnel.ingest.format.InputFile;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.TraceOpener;
import org.smarttunnel.ingest.irtt.TwampRaw;
import org.smarttunnel.ingest.log.SkippedLines;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.probe.SendClock;
import org.smarttunnel.ingest.probe.SeqUnwrapper;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * OWAMP's raw one-way records, as {@code owstats -R} (or {@code owping -R}) prints them: one
 * line per test packet, {@code SEQ STIME SS SERR RTIME RS RERR TTL} — the sequence number,
 * the send and receive times as OWAMP timestamps (64-bit NTP format printed in decimal: seconds
 * since 1900 in the upper 32 bits, the fraction in the lower), each time's synchronised flag and
 * error estimate, and the TTL. A receive time of 0 is a lost packet. One trace per file, one way
 * (from the sender to the receiver, recorded as {@code up}), with the one-way delay of every
 * received packet and no round-trip time. TWAMP's 16-field records ({@code twping -R}) are read
 * by {@link TwampRaw}.
 */
public final class OwampFormat implements InputFormat {
    private static final Pattern RECORD = Pattern.compile(
            "^\\s*\\d+\\s+\\d{1,20}\\s+[01]\\s+\\S+\\s+\\d{1,20}\\s+[01]\\s+\\S+\\s+\\d+\\s*$");
    /** TWAMP's: two OWAMP records in a row, the test packet's and its reflection's. */
    private static final Pattern TWAMP_RECORD = Pattern.compile(
            "^\\s*(\\d+\\s+\\d{1,20}\\s+[01]\\s+\\S+\\s+\\d{1,20}\\s+[01]\\s+\\S+\\s+\\d+\\s*){2}$");
    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01. */
    static final long NTP_TO_UNIX = 2_208_988_800L;

    @Override
    public String id() {
        return "owamp";
    }

    @Override
    public String description() {
        return "OWAMP raw one-way records (owstats -R): one trace per file; TWAMP raw records (twping -R): one per "
                + "--direction";
    }

    @Override
    public boolean sniff(FileHead head) {
        if (head.binary()) {
            return false;
        }
        int records = 0;
        Pattern kind = null;
        for (String line : head.lines()) {
            if (line.isBlank()) {
                continue;
            }
            if (kind == null) {
                kind = RECORD.matcher(line).matches() ? RECORD : TWAMP_RECORD;
            }
            if (!kind.matcher(line).matches()) {
                return false;
            }
            if (++records == 3) {
                break;
            }
        }
        return records > 0;
    }

    /** Whether the file's first record has TWAMP's 16 fields. */
    private static boolean twamp(InputFile file) throws IOException {
        // damage is warned about by the read that follows, not by this look at the first record
        try (BufferedReader reader = InputFiles.text(file.path(), file.name(), new java.util.ArrayList<>())) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return TWAMP_RECORD.matcher(line).matches();
                }
            }
        }
        return false;
    }

    /** An OWAMP timestamp as ns since the Unix epoch; -1 for one before 1970 (or past 2106's NTP era). */
    static long toEpochNs(long owp) {
        long seconds = owp >>> 32;
        long fraction = owp & 0xFFFF_FFFFL;
        if (seconds < NTP_TO_UNIX) {
            return -1;
        }
        return (seconds - NTP_TO_UNIX) * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> 32);
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        String name = file.name();
        if (twamp(file)) {
            return TwampRaw.read(file, options, traces, diagnostics, OwampFormat::toEpochNs);
        }
        SkippedLines skipped = new SkippedLines(name, diagnostics, "line skipped", "lines skipped");
        int n = 0;
        long[] seq = new long[1024];
        long[] send = new long[1024];
        long[] recv = new long[1024];
        long[] line = new long[1024];
        long lineNo = 0;
        long unsynced = 0;
        try (BufferedReader reader = InputFiles.text(file.path(), name, diagnostics)) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                if (raw.isBlank()) {
                    continue;
                }
                String[] f = raw.trim().split("\\s+");
                if (f.length != 8 || !RECORD.matcher(raw).matches()) {
                    skipped.skip(lineNo, "not an OWAMP raw record (SEQ STIME SS SERR RTIME RS RERR TTL)");
                    continue;
                }
                long s;
                long st;
                long rt;
                try {
                    s = Long.parseLong(f[0]);
                    st = Long.parseUnsignedLong(f[1]);
                    rt = Long.parseUnsignedLong(f[4]);
                } catch (NumberFormatException e) {
                    skipped.skip(lineNo, "a number out of range");
                    continue;
                }
                long sendNs = toEpochNs(st);
                long recvNs = rt == 0 ? 0 : toEpochNs(rt);
                if (sendNs < 0 || recvNs < 0) {
                    skipped.skip(lineNo, "a time stamp before 1970");
                    continue;
                }
                if (rt != 0 && (f[2].equals("0") || f[5].equals("0"))) {
                    unsynced++;
                }
                if (n == seq.length) {
                    seq = Arrays.copyOf(seq, 2 * n);
                    send = Arrays.copyOf(send, 2 * n);
                    recv = Arrays.copyOf(recv, 2 * n);
                    line = Arrays.copyOf(line, 2 * n);
                }
                seq[n] = s;
                send[n] = sendNs;
                recv[n] = recvNs;
                line[n] = lineNo;
                n++;
            }
        }
        skipped.finish();
        if (n == 0) {
            throw IngestException.inFile(name, "no OWAMP raw record in its " + lineNo + " lines: nothing to import");
        }
        // sequence order, a repeated number once (the first received copy)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final long[] seqs = seq;
        final long[] lines = line;
        final long[] recvs = recv;
        Arrays.sort(order, (a, b) -> seqs[a] != seqs[b] ? Long.compare(seqs[a], seqs[b])
                : recvs[a] == 0 || recvs[b] == 0 ? Boolean.compare(recvs[a] == 0, recvs[b] == 0)
                : Long.compare(lines[a], lines[b]));
        long duplicates = 0;
        long lost = 0;
        long late = 0;
        long[] kept = new long[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            int i = order[j];
            if (k > 0 && seq[(int) kept[k - 1]] == seq[i]) {
                duplicates++;
                continue;
            }
            kept[k++] = i;
        }
        List<Long> far = farSendTimes(kept, k, seq, send, line);
        SkippedLines farOff = new SkippedLines(name, diagnostics, "record left out",
                "records with a send time that far off left out");
        for (long at : far) {
            farOff.skip(at, "send time more than an hour from where the run's clock puts this sequence number");
        }
        farOff.finish();
        String host = options.host().orElse(file.stem());
        String site = options.site().orElse(file.stem());
        ProbeSink sink = traces.open(new TraceInfo(TraceIds.of(host, site, "ow"), host, site, "", "", "",
                Direction.UP));
        java.util.Set<Long> skip = new java.util.HashSet<>(far);
        for (int j = 0; j < k; j++) {
            int i = (int) kept[j];
            if (skip.contains(line[i])) {
                continue;
            }
            boolean received = recv[i] != 0;
            long owd = received ? recv[i] - send[i] : ProbeSink.NO_TIME;
            boolean isLost = !received || owd > options.captureTimeoutNs();
            lost += isLost ? 1 : 0;
            late += received && isLost ? 1 : 0;
            sink.atLine(line[i]);
            sink.probe((int) (seq[i] & 0xFFFF), send[i], isLost, -1, isLost ? ProbeSink.NO_TIME : owd);
        }
        if (unsynced > 0) {
            diagnostics.add(Diagnostic.warning(name, unsynced + " received packets have a send or receive time OWAMP "
                    + "marks unsynchronised: their one-way delays hold the clocks' offset"));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", (long) n);
        counts.put("lost", lost);
        counts.put("duplicates", duplicates);
        counts.put("later than the timeout", late);
        String summary = n + " records, " + lost + " lost" + (duplicates > 0 ? ", " + duplicates + " duplicates" : "")
                + (late > 0 ? ", " + late + " past the timeout" : "");
        return new FileReport(name, "owamp", summary, counts, 1, false);
    }

    /**
     * The lines of records whose send time lies more than an hour from where the run's clock
     * puts their sequence number (the median over the records of send − seq × the median step
     * between consecutive numbers).
     */
    private static List<Long> farSendTimes(long[] kept, int k, long[] seq, long[] send, long[] line) {
        long[] number = new long[k];
        long[] at = new long[k];
        for (int j = 0; j < k; j++) {
            number[j] = seq[(int) kept[j]];
            at[j] = send[(int) kept[j]];
        }
        boolean[] far = SendClock.far(number, at, k, 0, SeqUnwrapper.GAP_LIMIT_NS);
        List<Long> out = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (far[j]) {
                out.add(line[(int) kept[j]]);
            }
        }
        return out;
    }

}
