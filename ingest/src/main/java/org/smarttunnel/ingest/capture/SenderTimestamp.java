package org.smarttunnel.ingest.capture;

import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * Finds the sender's send time at the start of an echo payload: iputils ping on 64-bit Linux
 * writes a {@code struct timeval} (two little-endian 64-bit words), BSD and macOS ping a
 * {@code struct tv32} (two big-endian 32-bit words), 32-bit Linux two little-endian 32-bit
 * words. A candidate counts only when its microseconds are below one million and it lies
 * within an hour before (or a minute after) the packet's capture time; random or patterned
 * payloads practically never pass that.
 */
final class SenderTimestamp {
    private static final long BEFORE_NS = 3_600_000_000_000L;
    private static final long AFTER_NS = 60_000_000_000L;

    private SenderTimestamp() {
    }

    static long find(byte[] b, int off, int len, long captureNs) {
        if (len >= 16) {
            long t = plausible(ByteInput.i64le(b, off), ByteInput.i64le(b, off + 8), captureNs);
            if (t != ProbeSink.NO_TIME) {
                return t;
            }
        }
        if (len >= 8) {
            long t = plausible(ByteInput.i32be(b, off) & 0xFFFFFFFFL, ByteInput.i32be(b, off + 4) & 0xFFFFFFFFL,
                    captureNs);
            if (t != ProbeSink.NO_TIME) {
                return t;
            }
            return plausible(ByteInput.i32le(b, off) & 0xFFFFFFFFL, ByteInput.i32le(b, off + 4) & 0xFFFFFFFFL,
                    captureNs);
        }
        return ProbeSink.NO_TIME;
    }

    private static long plausible(long sec, long usec, long captureNs) {
        if (sec <= 0 || sec > 4_000_000_000L || usec < 0 || usec >= 1_000_000L) {
            return ProbeSink.NO_TIME;
        }
        long t = sec * 1_000_000_000L + usec * 1000L;
        return t >= captureNs - BEFORE_NS && t <= captureNs + AFTER_NS ? t : ProbeSink.NO_TIME;
    }
}
