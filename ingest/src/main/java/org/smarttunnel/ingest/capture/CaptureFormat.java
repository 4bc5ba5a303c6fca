package org.smarttunnel.ingest.capture;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.TraceIds;
import org.smarttunnel.ingest.format.FileHead;
import org.smarttunnel.ingest.format.InputFile;
import org.smarttunnel.ingest.format.InputFormat;
import org.smarttunnel.ingest.format.TraceOpener;
import org.smarttunnel.ingest.probe.MatchStats;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * pcap and pcapng captures (either gzip-compressed), recognised by their magic number: ICMP and
 * ICMPv6 echoes matched into runs, one trace per run (METHOD section 1).
 */
public final class CaptureFormat implements InputFormat {
    @Override
    public String id() {
        return "pcap";
    }

    @Override
    public String description() {
        return "pcap or pcapng capture of ICMP echo requests and replies (tcpdump, tshark, dumpcap), gzip or not";
    }

    @Override
    public boolean sniff(FileHead head) {
        return InputFiles.looksLikeCapture(head.first(4));
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        int[] opened = {0};
        CaptureIngest ingest = new CaptureIngest(options.reader(), options.captureTimeoutNs(), options.decap(),
                (key, part) -> {
                    opened[0]++;
                    return traces.open(info(options, key.requester().toString(), key.target().toString(), key,
                            part));
                }, (proberSide, targetSide, key, part) -> {
                    opened[0]++;
                    return traces.open(info(options, proberSide.toString(), targetSide.toString(), key, part));
                });
        boolean failed = false;
        try {
            ingest.read(file.path(), file.name(), diagnostics);
        } catch (IngestException e) {
            diagnostics.add(e.toDiagnostic());
            failed = true;
        }
        String reader = options.reader() == CaptureReader.FAST ? "fast reader" : "pcap4j reader";
        CaptureStats c = ingest.captureStats();
        MatchStats m = ingest.matchStats();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("frames", c.frames());
        counts.put("echo requests", c.echoRequests());
        counts.put("replies", c.echoReplies());
        counts.put("other packets ignored", c.other());
        counts.put("not IP", c.notIp());
        counts.put("later fragments", c.fragments());
        counts.put("IP without an echo", c.other() - c.notIp() - c.fragments());
        counts.put("cut short", c.tooShort());
        counts.put("skipped", c.skipped());
        counts.put("duplicates", m.duplicateRequests() + m.duplicateReplies());
        counts.put("late replies", m.lateReplies());
        counts.put("restarts", m.restarts());
        counts.put("outlier stamps", m.outlierStamps());
        if (m.outlierStamps() > 0) {
            String what = m.outlierStamps() + " echo packet" + (m.outlierStamps() == 1 ? "" : "s") + " stamped more "
                    + "than an hour from the packets before and after (which agree) skipped";
            diagnostics.add(m.firstOutlierOffset() >= 0
                    ? org.smarttunnel.ingest.Diagnostic.warningAtOffset(file.name(), m.firstOutlierOffset(), what
                            + (m.outlierStamps() == 1 ? "" : ", the first here"))
                    : org.smarttunnel.ingest.Diagnostic.warning(file.name(), what));
        }
        FileReport report = new FileReport(file.name(), ingest.container() + ", " + reader, summary(c, m), counts,
                opened[0], false);
        return failed ? report.asFailed() : report;
    }

    /**
     * A run's trace: host and site the given endpoints (the probe's own, or its tunnel's) unless
     * set; the id from them and the echo identifier, "-runN" for a restart.
     */
    private static TraceInfo info(ImportOptions options, String src, String dst, org.smarttunnel.ingest.probe.RunKey key,
            int part) {
        String host = options.host().orElse(src);
        String site = options.site().orElse(dst);
        String id = TraceIds.of(host, site, String.valueOf(key.ident())) + (part > 0 ? "-run" + (part + 1) : "");
        return new TraceInfo(id, host, site, src, dst, String.valueOf(key.ident()));
    }

    /** Why the other packets were ignored, the reasons that occurred: " [1 not IP, 3 IP without an echo]". */
    private static String reasons(CaptureStats c) {
        java.util.List<String> r = new java.util.ArrayList<>();
        long noEcho = c.other() - c.notIp() - c.fragments();
        if (c.notIp() > 0) {
            r.add(c.notIp() + " not IP");
        }
        if (c.fragments() > 0) {
            r.add(c.fragments() + " later fragments");
        }
        if (noEcho > 0) {
            r.add(noEcho + " IP without an echo");
        }
        return r.isEmpty() ? "" : " [" + String.join(", ", r) + "]";
    }

    private static String summary(CaptureStats c, MatchStats m) {
        StringBuilder sb = new StringBuilder().append(c.frames()).append(" frames (").append(c.echoRequests())
                .append(" echo requests, ").append(c.echoReplies()).append(" replies, ").append(c.other())
                .append(" other packets ignored").append(reasons(c))
                .append(c.tooShort() > 0 ? ", " + c.tooShort() + " cut short" : "")
                .append(c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "").append(')');
        long dup = m.duplicateRequests() + m.duplicateReplies();
        if (dup > 0) {
            sb.append(", ").append(dup).append(" duplicates");
        }
        if (m.lateReplies() > 0) {
            sb.append(", ").append(m.lateReplies()).append(" late replies");
        }
        if (m.restarts() > 0) {
            sb.append(", ").append(m.restarts()).append(" restarts");
        }
        if (m.outlierStamps() > 0) {
            sb.append(", ").append(m.outlierStamps()).append(" outlier stamps skipped");
        }
        return sb.toString();
    }

    /** Magic bytes as hex, for messages. */
    public static String hex(byte[] head) {
        return CaptureIngest.hex(head);
    }
}
