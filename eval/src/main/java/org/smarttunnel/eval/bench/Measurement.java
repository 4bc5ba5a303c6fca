package org.smarttunnel.eval.bench;

import java.util.Locale;
import java.util.function.ToLongFunction;
import org.smarttunnel.common.table.Column;

/**
 * One timed pass over a capture: which reader, which stage ({@code scan} = read and decode
 * only; {@code import} = read, decode, match, write the dataset), how many frames and
 * probes, how long, and the process's peak resident memory.
 */
public record Measurement(String reader, String stage, long frames, long probes, long bytes, long nanos,
        long peakRssKib) {

    /** Peak resident memory in MiB, "n/a" where the system does not tell. */
    public static <T> Column<T> peakRss(ToLongFunction<T> kib) {
        return Column.formatted("peak RSS MiB", "MiB", r -> kib.applyAsLong(r) < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.0f", kib.applyAsLong(r) / 1024.0));
    }

    public double framesPerSecond() {
        return frames * 1e9 / nanos;
    }

    /** The line a worker prints and the orchestrator parses. */
    String toLine() {
        return String.format(Locale.ROOT, "RESULT reader=%s stage=%s frames=%d probes=%d bytes=%d nanos=%d rss_kib=%d",
                reader, stage, frames, probes, bytes, nanos, peakRssKib);
    }

    static Measurement parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 8 || !f[0].equals("RESULT")) {
            throw new IllegalArgumentException("not a benchmark result: " + line);
        }
        return new Measurement(value(f[1]), value(f[2]), Long.parseLong(value(f[3])), Long.parseLong(value(f[4])),
                Long.parseLong(value(f[5])), Long.parseLong(value(f[6])), Long.parseLong(value(f[7])));
    }

    private static String value(String kv) {
        return kv.substring(kv.indexOf('=') + 1);
    }
}
