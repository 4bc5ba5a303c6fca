package org.smarttunnel.ingest.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.InputFiles;

/**
 * Reads the output of iputils {@code ping} (with or without {@code -D} and {@code -O}) and
 * of macOS/BSD {@code ping}, optionally prefixed by {@code ts} stamps, possibly holding
 * several runs framed by {@code PING STARTED}/{@code PING STOPPED} banners. Each run becomes
 * one trace.
 */
public final class PingLogParser {
    private static final Pattern REPLY = Pattern.compile(
            "^\\d+ bytes from (.+?)[:,] (?:icmp_seq|icmp_req|seq)=(\\d+)(.*)$");
    private static final Pattern TIME = Pattern.compile("time[=<]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|us|usec|µs)?");
    private static final Pattern BSD_TIMEOUT = Pattern.compile("^Request timeout for icmp_seq[= ](\\d+)");
    private static final Pattern NO_ANSWER = Pattern.compile("^no answer yet for icmp_seq=(\\d+)");
    private static final Pattern ICMP_ERROR = Pattern.compile("^From \\S+.*? icmp_seq=(\\d+) ");
    private static final Pattern HEADER = Pattern.compile("^PING ([^\\s(]+)\\s*\\((.*)\\)[):]?\\s+(.*)$");
    private static final Pattern HEADER6 = Pattern.compile("^PING6\\(.*\\) (\\S+) --> (\\S+)");
    private static final Pattern ADDRESS = Pattern.compile("([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]+)");
    private static final Pattern STARTED = Pattern.compile("^PING STARTED\\s*(.*)$");
    private static final Pattern STOPPED = Pattern.compile("^PING STOPPED\\b");
    private static final Pattern DATE = Pattern.compile(
            "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) "
                    + "(\\d{2}):(\\d{2}):(\\d{2}) (?:([A-Za-z]{1,5}|[+-]\\d{4}) )?(\\d{4})$");
    private static final Pattern STATISTICS = Pattern.compile("^--- .* ping statistics ---");
    private static final Pattern TRANSMITTED = Pattern.compile("^(\\d+) packets transmitted, ");
    private static final Pattern TOTAL_TIME = Pattern.compile(", time (\\d{1,12})ms$");
    private static final Pattern NOISE = Pattern.compile(
            "^(=+|↓|\\s*|round-trip .*|rtt .*|.*packet loss.*|ping: .*|PING6?\\b.*|Warning: .*|pipe \\d+)$");

    private final LogOptions options;

    public PingLogParser(LogOptions options) {
        this.options = options;
    }

    /** Whether a text looks like ping output (used to detect the format). */
    public static boolean looksLikePing(List<String> lines) {
        for (String raw : lines) {
            String line;
            try {
                line = LinePrefix.strip(raw, ZoneOffset.UTC, Optional.of(2000)).rest();
            } catch (BadField e) {
                continue; // a stamp that cannot be read says nothing about the format; the parse warns about it
            }
            if (REPLY.matcher(line).find() || BSD_TIMEOUT.matcher(line).find() || NO_ANSWER.matcher(line).find()
                    || HEADER.matcher(line).find() || HEADER6.matcher(line).find() || STARTED.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** Reads a log; each run is resolved and handed to a sink from the listener as soon as it ends. */
    public LogStats parse(Path file, String name, LogRunListener listener, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        State s = new State(name, listener, diagnostics);
        try (BufferedReader reader = InputFiles.text(file, name, diagnostics)) {
            String line;
            while ((line = reader.readLine()) != null) {
                s.lineNo++;
                try {
                    s.line(line);
                } catch (BadField e) {
                    s.skipped(e);
                } catch (RuntimeException e) {
                    throw unreadable(name, s.lineNo, e);
                }
            }
            try {
                s.closeRun();
            } catch (RuntimeException e) {
                throw unreadable(name, s.lineNo, e);
            }
            s.skipped.finish();
        }
        return s.stats();
    }

    /** A value the parser could not take (a number or date out of range, a run too long), as bad input at a line. */
    static IngestException unreadable(String name, long line, RuntimeException e) {
        if (!(e instanceof NumberFormatException || e instanceof java.time.DateTimeException
                || e instanceof ArithmeticException || e instanceof IllegalStateException
                || e instanceof IllegalArgumentException)) {
            throw e;
        }
        String why = e instanceof NumberFormatException ? "a number out of range (" + e.getMessage() + ")"
                : e.getMessage();
        return IngestException.atLine(name, line, why);
    }

    /** The parse in progress. */
    private final class State {
        final String name;
        final LogRunListener listener;
        final List<Diagnostic> diagnostics;
        long lineNo;
        LogRun run;
        int runs;
        boolean inBanner;
        boolean afterStop;
        ZoneId bannerZone;
        Optional<Integer> year = Optional.empty();
        long replies;
        long markers;
        long unrecognised;
        long duplicates;
        long probes;
        boolean warnedZone;
        boolean warnedYear;
        boolean warnedClock;
        boolean warnedUnknownZone;
        final SkippedLines skipped;

        State(String name, LogRunListener listener, List<Diagnostic> diagnostics) {
            this.name = name;
            this.listener = listener;
            this.diagnostics = diagnostics;
            this.skipped = new SkippedLines(name, diagnostics);
        }

        ZoneId zone() {
            if (options.zone().isPresent()) {
                return options.zone().get();
            }
            return bannerZone != null ? bannerZone : ZoneOffset.UTC;
        }

        void line(String raw) throws IngestException {
            LinePrefix.Stripped stripped = LinePrefix.strip(raw, zone(), year);
            if (stripped.yearless() && !warnedYear) {
                diagnostics.add(Diagnostic.warningAtLine(name, lineNo,
                        "stamp without a year and no dated banner before it; such stamps are ignored"));
                warnedYear = true;
            }
            String line = stripped.rest();
            LineTime time = stripped.time();
            if (time != null && !time.precise() && options.zone().isEmpty() && bannerZone == null && !warnedZone
                    && !line.isBlank()) {
                diagnostics.add(Diagnostic.warningAtLine(name, lineNo,
                        "wall-clock stamps without a time zone are read as UTC").withRemedy(Setting.ZONE));
                warnedZone = true;
            }
            Matcher m;
            if ((m = REPLY.matcher(line)).find()) {
                reply(m, time);
            } else if ((m = BSD_TIMEOUT.matcher(line)).find() || (m = NO_ANSWER.matcher(line)).find()
                    || (m = ICMP_ERROR.matcher(line)).find()) {
                current().marker(seq(m.group(1)), time, lineNo);
                markers++;
            } else if ((m = STARTED.matcher(line)).find()) {
                closeRun();
                run = new LogRun(lineNo);
                run.target = m.group(1).trim();
                inBanner = true;
                afterStop = false;
            } else if (STOPPED.matcher(line).find()) {
                closeRun();
                afterStop = true;
            } else if ((m = DATE.matcher(line)).find()) {
                date(m);
            } else if ((m = HEADER.matcher(line)).find() || (m = HEADER6.matcher(line)).find()) {
                header(m, line, time);
            } else if ((m = TRANSMITTED.matcher(line)).find()) {
                if (run != null) {
                    run.transmitted = BadField.number("packets transmitted", m.group(1), Long.MAX_VALUE / 4);
                    run.transmittedLine = lineNo;
                    Matcher total = TOTAL_TIME.matcher(line.trim());
                    if (total.find()) {
                        run.transmittedForNs = Long.parseLong(total.group(1)) * 1_000_000L;
                    }
                }
            } else if (!STATISTICS.matcher(line).find() && !NOISE.matcher(line).matches()) {
                if (unrecognised == 0) {
                    diagnostics.add(Diagnostic.warningAtLine(name, lineNo, "line not understood, skipped: "
                            + (line.length() > 60 ? line.substring(0, 60) + "..." : line)));
                }
                unrecognised++;
            }
        }

        private void reply(Matcher m, LineTime time) {
            long rtt = Long.MIN_VALUE;
            Matcher t = TIME.matcher(m.group(3));
            if (t.find()) {
                rtt = rttNs(t.group(1), t.group(2));
            }
            LogRun r = current();
            if (r.address.isEmpty()) {
                Matcher a = ADDRESS.matcher(m.group(1));
                String address = "";
                while (a.find()) {
                    address = a.group(1);
                }
                r.address = address;
            }
            r.reply(seq(m.group(2)), rtt, time, lineNo);
            replies++;
        }

        private void date(Matcher m) throws IngestException {
            int month = LinePrefix.MONTHS.indexOf(m.group(1)) / 3 + 1;
            year = Optional.of(Integer.parseInt(m.group(7)));
            if (m.group(6) != null) {
                Optional<ZoneOffset> offset = ZoneNames.offset(m.group(6));
                if (offset.isEmpty() && options.zone().isEmpty() && !warnedUnknownZone) {
                    // the run goes on (its replies before and after are kept), its times read in the zone so far
                    diagnostics.add(Diagnostic.warningAtLine(name, lineNo, "unknown time zone '" + m.group(6)
                            + "', times read as " + (zone().equals(ZoneOffset.UTC) ? "UTC" : zone().getId())).withRemedy(Setting.ZONE));
                    warnedUnknownZone = true;
                }
                offset.ifPresent(o -> bannerZone = o);
            }
            if (run != null && inBanner && !afterStop && run.startNs == Long.MIN_VALUE) {
                LocalDateTime t = BadField.dateTime("banner date", year.get(), month, Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                run.startNs = LinePrefix.toNs(t, zone());
            }
        }

        private void header(Matcher m, String line, LineTime time) {
            if (run != null && (!run.isEmpty() || run.flavourStart >= 0)) {
                closeRun();
            }
            LogRun r = current();
            boolean bsd = line.startsWith("PING6(") || line.matches("^PING .*\\): \\d+ data bytes.*");
            r.flavourStart = bsd ? 0 : 1;
            if (line.startsWith("PING6(")) {
                r.address = m.group(2);
                if (r.target.isEmpty()) {
                    r.target = m.group(2);
                }
            } else {
                Matcher a = ADDRESS.matcher(m.group(2));
                String address = "";
                while (a.find()) {
                    address = a.group(1);
                }
                r.address = address;
                if (r.target.isEmpty()) {
                    r.target = m.group(1);
                }
            }
            if (time != null && r.startNs == Long.MIN_VALUE) {
                r.startNs = time.ns();
            }
        }

        LogRun current() {
            if (run == null) {
                run = new LogRun(lineNo);
            }
            return run;
        }

        void closeRun() {
            LogRun r = run;
            run = null;
            inBanner = false;
            if (r == null || r.isEmpty()) {
                return;
            }
            runs++;
            if (!r.hasClock() && !warnedClock) {
                diagnostics.add(Diagnostic.warningAtLine(name, r.firstLine,
                        "the run has no date or time stamps; its send times count from 1970-01-01 at the spacing"));
                warnedClock = true;
            }
            String target = r.target.isEmpty() ? (r.address.isEmpty() ? "unknown" : r.address) : r.target;
            int[] parts = {0};
            probes += r.resolve(options.spacingNs(), options.timeoutNs(), () -> {
                if (parts[0]++ > 0) {
                    runs++;
                }
                return listener.open(runs, target, r.address);
            }, (at, message) -> diagnostics.add(Diagnostic.warningAtLine(name, at, message)));
            duplicates += r.duplicates();
        }

        /** A line with a field it cannot take: warned about, skipped. */
        void skipped(BadField e) {
            skipped.skip(lineNo, e);
        }

        LogStats stats() {
            return new LogStats(lineNo, runs, probes, replies, markers, duplicates, unrecognised);
        }
    }

    /** An icmp_seq field, kept to its 16 bits as ping sends it. */
    private static int seq(String digits) {
        return (int) (BadField.number("icmp_seq", digits, Integer.MAX_VALUE) & 0xFFFF);
    }

    static long rttNs(String value, String unit) {
        String[] parts = value.split("\\.");
        long whole = BadField.number("time", parts[0], 1_000_000_000L);
        long fractionNs = parts.length > 1 ? LinePrefix.fractionNs(parts[1]) : 0;
        long scale = switch (unit == null ? "ms" : unit) {
            case "s" -> 1_000_000_000L;
            case "us", "usec", "µs" -> 1_000L;
            default -> 1_000_000L;
        };
        return whole * scale + fractionNs * scale / 1_000_000_000L;
    }
}
