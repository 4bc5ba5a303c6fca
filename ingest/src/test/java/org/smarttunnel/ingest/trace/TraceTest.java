package org.smarttunnel.ingest.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {
    static final TraceInfo INFO = new TraceInfo("t", "h", "s", "10.0.0.1", "10.0.0.2", "1");

    @Test
    void intervalsFollowSendTimesIncludingIdleGaps() {
        // 1 s intervals; probes at 0, 0.5, 1.2, (nothing in [2,3)), 3.1, 3.9 s
        long[] send = {0, 500_000, 1_200_000, 3_100_000, 3_900_000};
        Trace t = new Trace(INFO, new int[] {1, 2, 3, 4, 5}, send, LossSequence.parse("01001"),
                new int[] {10, -1, 12, 13, -1});
        assertEquals(List.of(
                new Interval("t", 0, 0, 0, 2, 1),
                new Interval("t", 1, 1_000_000, 2, 1, 0),
                new Interval("t", 2, 2_000_000, 3, 0, 0),
                new Interval("t", 3, 3_000_000, 3, 2, 1)), t.intervals(1_000_000));
        assertEquals("01", t.loss(t.intervals(1_000_000).get(3)).toString());
        assertEquals(Double.NaN, t.intervals(1_000_000).get(2).lossRate());
    }

    /** METHOD section 9: a probe's own one-way delay where it has one, else RTT/2; in half-microseconds. */
    @Test
    void oneWayDelaysPreferTheMeasuredOneProbeByProbe() {
        long[] send = {0, 1000, 2000, 3000};
        Interval all = new Interval("t", 0, 0, 0, 4, 1);
        Trace rttOnly = new Trace(INFO, new int[4], send, LossSequence.parse("0010"), new int[] {10, 13, -1, 20});
        assertEquals(List.of(10, 13, 0, 20), List.of(java.util.Arrays.stream(rttOnly.oneWayHalfUs(all).orElseThrow())
                .boxed().toArray()));
        Trace mixed = new Trace(INFO, new int[4], send, LossSequence.parse("0010"), new int[] {10, 13, -1, -1},
                new int[] {4, Probe.NO_OWD, Probe.NO_OWD, -2});
        assertEquals(List.of(8, 13, 0, -4), List.of(java.util.Arrays.stream(mixed.oneWayHalfUs(all).orElseThrow())
                .boxed().toArray()));
        Trace none = new Trace(INFO, new int[4], send, LossSequence.parse("0010"), new int[] {10, -1, -1, 20});
        assertEquals(java.util.Optional.empty(), none.oneWayHalfUs(all), "a received probe with neither delay");
    }

    @Test
    void sendTimesMayNotGoBackwards() {
        assertThrows(IllegalArgumentException.class, () -> new Trace(INFO, new int[2], new long[] {5, 4},
                LossSequence.parse("00"), new int[2]));
    }

    @Test
    void arraysAreTakenOverButCopiedOut() {
        long[] send = {1, 2};
        Trace t = new Trace(INFO, new int[2], send, LossSequence.parse("00"), new int[2]);
        t.sendUs()[1] = 99;
        assertEquals(2, t.sendUs(1), "what a caller gets is a copy");
        send[0] = 0;
        assertEquals(0, t.sendUs(0), "what it gave is the trace's own (callers give arrays nobody changes)");
    }
}
