package org.smarttunnel.ingest.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.InputFiles;
import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * The zing per-probe text format, one trace per file (see README, "zing format"):
 * <pre>
 * # zing 1
 * # host=alpha site=paris src=10.0.0.1 dst=192.0.2.7
 * 0 1726122373.000000 1726122373.031234
 * 1 1726122373.002000 -
 * </pre>
 * Each data line is a probe number, its send time and its receive time (epoch seconds, up to
 * nine decimals) or a loss mark ({@code -}, {@code lost}, {@code *}), separated by spaces,
 * tabs or commas. Probe numbers grow by one per probe and do not wrap; numbers missing from
 * the file are lost probes, and lines may come in any order.
 */
public final class ZingParser {
    private static final Pattern KEY_VALUE = Pattern.compile("(host|site|src|dst)=(\\S+)");
    private static final Pattern TIME = Pattern.compile("\\d{1,12}(?:\\.\\d{1,9})?");
    private static final long NONE = Long.MIN_VALUE;
    private static final long MAX_PROBES = 50_000_000L;

    /** The trace a zing file holds, before it is emitted. */
    public static final class ZingTrace {
        private final Map<String, String> meta;
        private final long[] seq;
        private final long[] sendNs;
        private final long[] recvNs;
        private long duplicates;

        private ZingTrace(Map<String, String> meta, long[] seq, long[] sendNs, long[] recvNs) {
            this.meta = meta;
            this.seq = seq;
            this.sendNs = sendNs;
            this.recvNs = recvNs;
        }

        /** A metadata value from the file's comment lines, or "" when absent. */
        public String meta(String key) {
            return meta.getOrDefault(key, "");
        }

        public long duplicates() {
            return duplicates;
        }

        /** Emits the probes in number order; returns how many. */
        public long emit(ProbeSink sink, long timeoutNs) {
            Integer[] order = new Integer[seq.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(seq[a], seq[b]));
            if (order.length == 0) {
                return 0;
            }
            long first = seq[order[0]];
            long last = seq[order[order.length - 1]];
            if (last - first + 1 > MAX_PROBES) {
                throw new IllegalStateException("probe numbers span " + (last - first + 1) + " probes");
            }
            int n = (int) (last - first + 1);
            long[] anchor = new long[n];
            long[] recv = new long[n];
            Arrays.fill(anchor, NONE);
            Arrays.fill(recv, NONE);
            for (Integer i : order) {
                int k = (int) (seq[i] - first);
                if (anchor[k] != NONE) {
                    duplicates++;
                    continue;
                }
                anchor[k] = sendNs[i];
                recv[k] = recvNs[i];
            }
            long[] send = SendTimes.fill(anchor, 0);
            for (int k = 0; k < n; k++) {
                long rtt = recv[k] == NONE ? -1 : recv[k] - send[k];
                boolean received = recv[k] != NONE && rtt <= timeoutNs;
                sink.probe((int) (first + k), send[k], !received, received ? Math.max(0, rtt) : -1);
            }
            return n;
        }
    }

    private ZingParser() {
    }

    /** Whether a text looks like zing output (first data line: number, time, time or mark). */
    public static boolean looksLikeZing(List<String> lines) {
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("# zing")) {
                return true;
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("[\\s,]+");
            return f.length == 3 && f[0].matches("\\d+") && TIME.matcher(f[1]).matches()
                    && (TIME.matcher(f[2]).matches() || isLossMark(f[2]));
        }
        return false;
    }

    public static ZingTrace parse(Path file, String name, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        Map<String, String> meta = new LinkedHashMap<>();
        long[] seq = new long[1024];
        long[] send = new long[1024];
        long[] recv = new long[1024];
        int n = 0;
        long lineNo = 0;
        boolean sawData = false;
        try (InputStream in = InputFiles.open(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.startsWith("#")) {
                    Matcher m = KEY_VALUE.matcher(t);
                    while (m.find()) {
                        meta.put(m.group(1), m.group(2));
                    }
                    continue;
                }
                if (t.isEmpty()) {
                    continue;
                }
                String[] f = t.split("[\\s,]+");
                if (!sawData && !f[0].matches("\\d+")) {
                    sawData = true;
                    continue;
                }
                sawData = true;
                if (f.length != 3 || !f[0].matches("\\d{1,18}") || !TIME.matcher(f[1]).matches()
                        || !(TIME.matcher(f[2]).matches() || isLossMark(f[2]))) {
                    diagnostics.add(Diagnostic.warningAtLine(name, lineNo,
                            "not a zing probe line (number, send time, receive time or -), skipped"));
                    continue;
                }
                if (n == seq.length) {
                    seq = Arrays.copyOf(seq, n * 2);
                    send = Arrays.copyOf(send, n * 2);
                    recv = Arrays.copyOf(recv, n * 2);
                }
                try {
                    seq[n] = Long.parseLong(f[0]);
                    send[n] = seconds(f[1]);
                    recv[n] = isLossMark(f[2]) ? NONE : seconds(f[2]);
                } catch (RuntimeException e) {
                    throw PingLogParser.unreadable(name, lineNo, e);
                }
                n++;
            }
        }
        if (n == 0) {
            throw IngestException.inFile(name, "no zing probe lines");
        }
        return new ZingTrace(meta, Arrays.copyOf(seq, n), Arrays.copyOf(send, n), Arrays.copyOf(recv, n));
    }

    private static boolean isLossMark(String s) {
        return s.equals("-") || s.equals("*") || s.equalsIgnoreCase("lost");
    }

    private static long seconds(String s) {
        int dot = s.indexOf('.');
        return dot < 0 ? LinePrefix.epochNs(s, null) : LinePrefix.epochNs(s.substring(0, dot), s.substring(dot + 1));
    }
}
