package org.smarttunnel.ingest.irtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.smarttunnel.ingest.probe.SeqUnwrapper;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.trace.Direction;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * irtt's JSON output ({@code irtt client -o FILE}, plain or gzip): isochronous UDP round trips
 * with the server's timestamps, so that losses and delays are known per direction. One trace
 * per direction asked for ({@link ImportOptions#directions()}); how each is made is
 * {@link IrttTraces}'s business.
 */
public final class IrttFormat implements InputFormat {
    @Override
    public String id() {
        return "irtt";
    }

    @Override
    public String description() {
        return "irtt client's JSON output (-o, plain or gzip): one trace per direction (--direction up, down, "
                + "round-trip), with one-way delays";
    }

    @Override
    public boolean sniff(FileHead head) {
        if (head.binary()) {
            return false;
        }
        String text = new String(head.first(4096), StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("{") && text.contains("\"irtt\"") && (text.contains("\"json_format\"")
                || text.contains("\"round_trips\""));
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        IrttRun run;
        try (InputStream in = InputFiles.open(file.path(), file.name(), diagnostics)) {
            run = IrttJson.parse(in, file.name(), diagnostics);
        }
        run.dropImplausibleTimes(SeqUnwrapper.GAP_LIMIT_NS, file.name(), "client send time more than an hour from "
                + "where the run's clock puts this seqno", "round trip left out", diagnostics);
        if (run.size == 0) {
            throw IngestException.inFile(file.name(), "irtt's output holds no round trip: nothing to import");
        }
        String src = IrttRun.host(run.localAddress);
        String dst = IrttRun.host(run.remoteAddress);
        String host = options.host().orElse(first(run.hostname, src, file.stem()));
        String site = options.site().orElse(first(dst, file.stem()));
        // the client's UDP port tells its sessions apart, as the ICMP identifier tells pings apart
        String port = IrttRun.port(run.localAddress);
        IrttTraces made = new IrttTraces(run, options.captureTimeoutNs());
        int opened = 0;
        for (Direction d : options.directions()) {
            ProbeSink sink = traces.open(new TraceInfo(TraceIds.of(host, site, (port.isEmpty() ? "irtt" : port) + "-"
                    + d.id()), host, site, src, dst, port, d));
            made.emit(d, sink);
            opened++;
        }
        if (made.unknownDirection() > 0 && !options.directions().equals(List.of(Direction.ROUND_TRIP))) {
            diagnostics.add(Diagnostic.warning(file.name(), made.unknownDirection() + " of " + made.lost() + " lost "
                    + "round trips have no direction (irtt tells up from down only with --stats window or both, and "
                    + "within 64 packets of a later reply): each counts as lost in every one-way trace"));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("round trips", (long) run.size);
        counts.put("lost", made.lost());
        counts.put("lost up", made.lostUp());
        counts.put("lost down", made.lostDown());
        counts.put("lost, direction unknown", made.unknownDirection());
        counts.put("later than the timeout", made.late());
        String summary = run.size + " round trips, " + made.lost() + " lost (" + made.lostUp() + " up, "
                + made.lostDown() + " down, " + made.unknownDirection() + " unknown)"
                + (made.late() > 0 ? ", " + made.late() + " replies past the timeout" : "");
        return new FileReport(file.name(), "irtt", summary, counts, opened, false);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "unknown";
    }
}
