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
    /** Probe numbers beyond this are not numbers zing writes (2^53: exact in any double). */
    private static final long MAX_NUMBER = 1L << 53;

    /** The trace a zing file holds, before it is emitted. */
    public static final class ZingTrace {
        private final Map<String, String> meta;
        private final long[] seq;
        private final long[] sendNs;
        private final long[] recvNs;
        private final long[] line;
        private long duplicates;

        private ZingTrace(Map<String, String> meta, long[] seq, long[] sendNs, long[] recvNs, long[] line) {
            this.meta = meta;
            this.seq = seq;
            this.sendNs = sendNs;
            this.recvNs = recvNs;
            this.line = line;
        }

        /** A metadata value from the file's comment lines, or "" when absent. */
        public String meta(String key) {
            return meta.getOrDefault(key, "");
        }

        public long duplicates() {
            return duplicates;
        }

        /**
         * Emits the probes in number order; returns how many. Numbers are trusted only as far as
         * the send times allow: a line whose send time lies more than an hour from both of its
         * neighbours in number order, which agree, is skipped; where the numbers jump further
         * than twice the send times' gap at the file's median spacing (plus 64), the numbers
         * from there on are taken as renumbered, and the gap holds what the times allow — a
         * warning names the line either way, and a few bytes never make millions of probes.
         */
        long emit(LogRun.Sinks sinks, long timeoutNs, LogRun.Warnings warnings) {
            Integer[] sorted = new Integer[seq.length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            Arrays.sort(sorted, (a, b) -> Long.compare(seq[a], seq[b]));
            Integer[] order = trusted(sorted, warnings);
            // send times more than an hour apart start a new trace, never an hour of made-up probes
            long emitted = 0;
            int from = 0;
            for (int i = 1; i <= order.length; i++) {
                if (i == order.length || Math.abs(sendNs[order[i]] - sendNs[order[i - 1]]) > LogRun.GAP_LIMIT_NS) {
                    if (i < order.length) {
                        warnings.warn(line[order[i]], "send time " + (sendNs[order[i]] - sendNs[order[i - 1]])
                                / 1_000_000_000L + " s from the probe numbered before it; a new trace starts here");
                    }
                    emitted += emitPart(Arrays.copyOfRange(order, from, i), sinks.open(), timeoutNs);
                    from = i;
                }
            }
            return emitted;
        }

        private long emitPart(Integer[] order, ProbeSink sink, long timeoutNs) {
            if (order.length == 0) {
                return 0;
            }
            long first = seq[order[0]];
            long last = seq[order[order.length - 1]];
            long limit = Math.min(MAX_PROBES, Runtime.getRuntime().maxMemory() / 56);
            if (last - first + 1 > limit) {
                throw new IllegalStateException("probe numbers span " + (last - first + 1) + " probes, more than "
                        + "this heap can resolve (" + limit + ")");
            }
            int n = (int) (last - first + 1);
            long[] anchor = new long[n];
            long[] recv = new long[n];
            long[] at = new long[n];
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
                at[k] = line[i];
            }
            long[] send = SendTimes.fill(anchor, 0);
            for (int k = 0; k < n; k++) {
                long rtt = recv[k] == NONE ? -1 : recv[k] - send[k];
                boolean received = recv[k] != NONE && rtt <= timeoutNs;
                if (at[k] != 0) {
                    sink.atLine(at[k]);
                }
                sink.probe((int) (first + k), send[k], !received, received ? Math.max(0, rtt) : -1);
            }
            return n;
        }

        /** The lines in number order without time outliers, numbers closed up where they jump beyond the times. */
        private Integer[] trusted(Integer[] sorted, LogRun.Warnings warnings) {
            int n = sorted.length;
            boolean[] skip = new boolean[n];
            for (int i = 0; i < n; i++) {
                long t = sendNs[sorted[i]];
                long a = i > 0 ? sendNs[sorted[i - 1]] : i + 2 < n ? sendNs[sorted[i + 2]] : NONE;
                long b = i + 1 < n ? sendNs[sorted[i + 1]] : i > 1 ? sendNs[sorted[i - 2]] : NONE;
                if (a != NONE && b != NONE && Math.abs(t - a) > LogRun.GAP_LIMIT_NS && Math.abs(t - b) > LogRun.GAP_LIMIT_NS
                        && Math.abs(b - a) <= LogRun.GAP_LIMIT_NS) {
                    skip[i] = true;
                    warnings.warn(line[sorted[i]], "send time more than an hour from the probes numbered around it, "
                            + "which agree; line skipped");
                }
            }
            java.util.List<Integer> kept = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!skip[i]) {
                    kept.add(sorted[i]);
                }
            }
            double spacing = medianSpacing(kept);
            long shift = 0;
            for (int i = 1; i < kept.size(); i++) {
                int prev = kept.get(i - 1);
                int cur = kept.get(i);
                long number = seq[cur] - shift;
                long gap = number - seq[prev] - 1;
                if (gap <= 0) {
                    seq[cur] = number;
                    continue;
                }
                if (Double.isNaN(spacing)) {
                    if (gap > 64) {
                        warnings.warn(line[cur], "probe number " + seq[cur] + " leaves " + gap + " numbers unseen, "
                                + "and no two consecutive numbers say how far apart probes are sent; numbers are "
                                + "taken as restarting here");
                        shift += gap;
                        number = seq[prev] + 1;
                    }
                    seq[cur] = number;
                    continue;
                }
                long dt = Math.max(0, sendNs[cur] - sendNs[prev]);
                long allowed = (long) Math.min(Long.MAX_VALUE / 4, 2.0 * dt / spacing) + 64;
                if (gap > allowed) {
                    long keep = Math.max(0, Math.round(dt / spacing) - 1);
                    warnings.warn(line[cur], "probe number " + seq[cur] + " leaves " + gap + " numbers unseen where the "
                            + "send times allow about " + keep + "; numbers are taken as restarting here");
                    shift += gap - keep;
                    number = seq[prev] + 1 + keep;
                }
                seq[cur] = number;
            }
            return kept.toArray(new Integer[0]);
        }

        /**
         * The median send-time step between probes of consecutive numbers (NaN when no two are):
         * only they say how far apart probes are sent; pairs across unseen numbers would let a
         * few lines numbered a million apart claim a spacing that makes millions of losses.
         */
        private double medianSpacing(java.util.List<Integer> order) {
            double[] steps = new double[Math.max(0, order.size() - 1)];
            int m = 0;
            for (int i = 1; i < order.size(); i++) {
                long dn = seq[order.get(i)] - seq[order.get(i - 1)];
                long dt = sendNs[order.get(i)] - sendNs[order.get(i - 1)];
                if (dn == 1 && dt > 0) {
                    steps[m++] = dt;
                }
            }
            if (m == 0) {
                return Double.NaN;
            }
            Arrays.sort(steps, 0, m);
            return steps[m / 2];
        }
    }

    private ZingParser() {
    }

    /** Whether a text looks like zing output (first data line: number, time, time or mark). */
    public static boolean looksLikeZing(List<String> lines) {
        boolean header = false;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("# zing")) {
                return true;
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("[\\s,]+");
            if (f.length == 0) {
                continue; // only separators (a line of commas): nothing to tell by
            }
            if (!header && !f[0].matches("\\d+")) {
                header = true; // a first non-numeric line is a header, as the parser takes it
                continue;
            }
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
        long[] lines = new long[1024];
        int n = 0;
        long lineNo = 0;
        SkippedLines skipped = new SkippedLines(name, diagnostics);
        boolean sawData = false;
        try (InputStream in = InputFiles.open(file, name, diagnostics);
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
                    lines = Arrays.copyOf(lines, n * 2);
                }
                try {
                    seq[n] = BadField.number("probe number", f[0], MAX_NUMBER);
                    send[n] = seconds("send time", f[1]);
                    recv[n] = isLossMark(f[2]) ? NONE : seconds("receive time", f[2]);
                } catch (BadField e) {
                    skipped.skip(lineNo, e);
                    continue;
                }
                lines[n] = lineNo;
                n++;
            }
        }
        skipped.finish();
        if (n == 0) {
            throw IngestException.inFile(name, "no zing probe lines");
        }
        return new ZingTrace(meta, Arrays.copyOf(seq, n), Arrays.copyOf(send, n), Arrays.copyOf(recv, n),
                Arrays.copyOf(lines, n));
    }

    private static boolean isLossMark(String s) {
        return s.equals("-") || s.equals("*") || s.equalsIgnoreCase("lost");
    }

    private static long seconds(String field, String s) {
        int dot = s.indexOf('.');
        return dot < 0 ? LinePrefix.epochNs(field, s, null)
                : LinePrefix.epochNs(field, s.substring(0, dot), s.substring(dot + 1));
    }
}
