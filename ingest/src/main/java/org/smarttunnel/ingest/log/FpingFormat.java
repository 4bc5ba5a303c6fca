package org.smarttunnel.ingest.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
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
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * fping's text output, per-probe lines ({@code -c}, {@code -C}, {@code -l}; with {@code -D}
 * stamps or without), several targets in one file: one trace per target. A reply line
 * {@code [stamp] target : [N], B bytes, R ms (...)} is a reply stamped when it arrived (sent at
 * stamp − R); {@code target : [N], timed out} a probe without reply; fping numbers each
 * target's probes from 0. The summary {@code target : xmt/rcv/%loss = S/R/L%} gives how many
 * were sent; a {@code -C} list {@code target : R R - R} gives the RTTs of a target whose
 * per-probe lines the file lacks ({@code -q}), sent at the spacing. Probes are resolved as ping
 * runs are ({@link LogRun}: sequence numbers unwrapped, missing ones lost with interpolated send
 * times, repeated ones counted as duplicates).
 */
public final class FpingFormat implements InputFormat {
    private static final Pattern REPLY = Pattern.compile(
            "^(\\S+)\\s*: \\[(\\d+)\\], (\\d+) bytes, ([0-9]+(?:\\.[0-9]+)?) ms\\b");
    private static final Pattern TIMEOUT = Pattern.compile("^(\\S+)\\s*: \\[(\\d+)\\], timed out\\b");
    private static final Pattern DUPLICATE = Pattern.compile("^(\\S+)\\s*: duplicate for \\[(\\d+)\\]");
    private static final Pattern SUMMARY = Pattern.compile("^(\\S+)\\s*: xmt/rcv/%(?:loss|return) = (\\d+)/(\\d+)/");
    private static final Pattern LIST = Pattern.compile("^(\\S+)\\s*:((?:\\s+(?:[0-9]+(?:\\.[0-9]+)?|-))+)\\s*$");
    private static final Pattern ICMP_ERROR = Pattern.compile("^ICMP .* for ICMP Echo sent to \\S+");
    private static final Pattern NOISE = Pattern.compile("^(\\s*|fping: .*|\\S+ is (alive|unreachable).*)$");
    private static final Pattern ADDRESS = Pattern.compile("^([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]+)$");

    @Override
    public String id() {
        return "fping";
    }

    @Override
    public String description() {
        return "fping's per-probe lines (-c, -C, -l; -D stamps), several targets per file: one trace per target";
    }

    @Override
    public boolean sniff(FileHead head) {
        if (head.binary()) {
            return false;
        }
        for (String raw : head.lines()) {
            String line;
            try {
                line = LinePrefix.strip(raw, ZoneOffset.UTC, Optional.of(2000)).rest();
            } catch (BadField e) {
                continue;
            }
            if (REPLY.matcher(line).find() || TIMEOUT.matcher(line).find() || SUMMARY.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** What one target's lines said. */
    private static final class Target {
        final LogRun run;
        /** A -C list, used only when the target has no per-probe lines. */
        String list;
        long listLine;

        Target(long line) {
            run = new LogRun(line);
            run.flavourStart = 0;
        }
    }

    @Override
    public FileReport read(InputFile file, ImportOptions options, TraceOpener traces, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        String name = file.name();
        LogOptions logOptions = new LogOptions(options.spacingNs(), options.logTimeoutNs(), options.zone());
        Map<String, Target> targets = new LinkedHashMap<>();
        SkippedLines skipped = new SkippedLines(name, diagnostics);
        long lineNo = 0;
        long replies = 0;
        long timeouts = 0;
        long duplicates = 0;
        long errors = 0;
        long unrecognised = 0;
        try (BufferedReader reader = InputFiles.text(file.path(), name, diagnostics)) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                try {
                    LinePrefix.Stripped stripped = LinePrefix.strip(raw, logOptions.zone().orElse(ZoneOffset.UTC),
                            Optional.empty());
                    String line = stripped.rest();
                    LineTime time = stripped.yearless() ? null : stripped.time();
                    Matcher m;
                    if ((m = REPLY.matcher(line)).find()) {
                        long rtt = PingLogParser.rttNs(m.group(4), "ms");
                        target(targets, m.group(1), lineNo).run.reply(seq(m.group(2)), rtt, time, lineNo);
                        replies++;
                    } else if ((m = TIMEOUT.matcher(line)).find()) {
                        target(targets, m.group(1), lineNo).run.marker(seq(m.group(2)), time, lineNo);
                        timeouts++;
                    } else if ((m = DUPLICATE.matcher(line)).find()) {
                        duplicates++;
                    } else if ((m = SUMMARY.matcher(line)).find()) {
                        Target t = target(targets, m.group(1), lineNo);
                        t.run.transmitted = BadField.number("xmt", m.group(2), Long.MAX_VALUE / 4);
                        t.run.transmittedLine = lineNo;
                    } else if ((m = LIST.matcher(line)).find()) {
                        Target t = target(targets, m.group(1), lineNo);
                        t.list = m.group(2).trim();
                        t.listLine = lineNo;
                    } else if (ICMP_ERROR.matcher(line).find()) {
                        errors++;
                    } else if (!NOISE.matcher(line).matches()) {
                        if (unrecognised == 0) {
                            diagnostics.add(Diagnostic.warningAtLine(name, lineNo, "line not understood, skipped: "
                                    + (line.length() > 60 ? line.substring(0, 60) + "..." : line)));
                        }
                        unrecognised++;
                    }
                } catch (BadField e) {
                    skipped.skip(lineNo, e);
                } catch (RuntimeException e) {
                    throw PingLogParser.unreadable(name, lineNo, e);
                }
            }
        }
        skipped.finish();
        int opened = 0;
        long probes = 0;
        for (Map.Entry<String, Target> e : targets.entrySet()) {
            Target t = e.getValue();
            if (t.run.isEmpty() && t.list != null) {
                fromList(t);
            }
            if (t.run.isEmpty()) {
                continue;
            }
            String target = e.getKey();
            String host = options.host().orElse(file.stem());
            String site = options.site().orElse(target);
            String address = ADDRESS.matcher(target).matches() ? target : "";
            int[] part = {0};
            try {
                probes += t.run.resolve(logOptions.spacingNs(), logOptions.timeoutNs(), () -> {
                    part[0]++;
                    return traces.open(new TraceInfo(TraceIds.of(host, site, part[0] == 1 ? "f" : "f" + part[0]), host,
                            site, "", address, ""));
                }, (at, message) -> diagnostics.add(Diagnostic.warningAtLine(name, at, message)));
            } catch (RuntimeException x) {
                throw PingLogParser.unreadable(name, t.run.firstLine, x);
            }
            duplicates += t.run.duplicates();
            opened += part[0];
        }
        if (opened == 0) {
            throw IngestException.inFile(name, "no fping probe line (a reply or 'timed out') in its " + lineNo
                    + " lines: nothing to import (fping -q prints none; use -C to keep the RTTs)");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lines", lineNo);
        counts.put("targets", (long) targets.size());
        counts.put("replies", replies);
        counts.put("timeouts", timeouts);
        counts.put("duplicate replies", duplicates);
        counts.put("ICMP errors", errors);
        counts.put("lines not understood", unrecognised);
        String summary = lineNo + " lines, " + targets.size() + (targets.size() == 1 ? " target, " : " targets, ")
                + replies + " replies, " + timeouts + " timeouts" + (duplicates > 0 ? ", " + duplicates
                + " duplicate replies" : "") + (unrecognised > 0 ? ", " + unrecognised + " lines not understood" : "");
        return new FileReport(name, "fping", summary, counts, opened, false);
    }

    private static Target target(Map<String, Target> targets, String name, long line) {
        return targets.computeIfAbsent(name, k -> new Target(line));
    }

    /** A -C list as unstamped replies (an RTT) and probes without reply ("-"), numbered from 0. */
    private static void fromList(Target t) {
        String[] values = t.list.split("\\s+");
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals("-")) {
                t.run.marker(i & 0xFFFF, null, t.listLine);
            } else {
                t.run.reply(i & 0xFFFF, PingLogParser.rttNs(values[i], "ms"), null, t.listLine);
            }
        }
    }

    /** fping's probe number, kept to 16 bits as the resolver unwraps them. */
    private static int seq(String digits) {
        return (int) (BadField.number("probe number", digits, Integer.MAX_VALUE) & 0xFFFF);
    }
}
