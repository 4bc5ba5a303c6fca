package org.smarttunnel.replay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;
import org.smarttunnel.replay.alloc.Allocators;

class ReplayRunnerTest {
    /** {@code n} probes every 100 ms from {@code startUs}, lost where the pattern (repeated) has '1'. */
    static Trace trace(String id, long startUs, int n, String pattern) {
        long[] send = new long[n];
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            send[i] = startUs + i * 100_000L;
            bits.append(pattern.charAt(i % pattern.length()));
        }
        return new Trace(new TraceInfo(id, "h", "s", "", "", ""), new int[n], send, LossSequence.parse(bits.toString()),
                new int[n]);
    }

    /**
     * a sends 40 probes from 1.0 s, every 100 ms, losing only its first five (1.0 to 1.4 s); b
     * the same from 1.5 s, losing none. With G = 1 and R = 0 round robin puts every packet on a,
     * so data_lost counts a's lost probes among the interval's slots. By interval number, a's
     * interval 0 is 1.0 to 2.0 s: 5 lost. By time, intervals start at b's first send, 1.5 s: a's
     * probes 5..14, none lost; and a's last interval holds only 5 probes (4.5 to 4.9 s).
     */
    @Test
    void alignmentByTimeCutsIntervalsFromTheLatestFirstSend() {
        Trace a = trace("a", 1_000_000, 40, "1111100000" + "0".repeat(30));
        Trace b = trace("b", 1_500_000, 40, "0");
        List<ReplayRow> byNumber = ReplayRunner.run(List.of(a, b), options(ReplayOptions.Alignment.INTERVAL));
        List<ReplayRow> byTime = ReplayRunner.run(List.of(a, b), options(ReplayOptions.Alignment.TIME));
        assertEquals(List.of(5L, 0L, 0L, 0L), byNumber.stream().map(r -> r.result().dataLost()).toList());
        assertEquals(List.of(10L, 10L, 10L, 10L), byNumber.stream().map(r -> r.result().groups()).toList());
        assertEquals(List.of(0L, 0L, 0L, 0L), byTime.stream().map(r -> r.result().dataLost()).toList());
        assertEquals(List.of(10L, 10L, 10L, 5L), byTime.stream().map(r -> r.result().groups()).toList());
    }

    private static ReplayOptions options(ReplayOptions.Alignment alignment) {
        return ReplayOptions.builder().group(1).redundancy(0).alignment(alignment)
                .allocators(List.of(Allocators.byId("rr")))
                .models(ModelOptions.builder().modes(EnumSet.of(FitMode.ORACLE)).states(StateChoice.of(1))
                        .intervalUs(1_000_000).build())
                .build();
    }
}
