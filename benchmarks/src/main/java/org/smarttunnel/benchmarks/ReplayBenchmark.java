package org.smarttunnel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.engine.GroupReplay;
import org.smarttunnel.replay.engine.IntervalResult;
import org.smarttunnel.replay.schedule.Schedule;
import org.smarttunnel.replay.time.TimeReplay;

/**
 * The replay engine on one 40-second interval at 2 ms (20,000 slots) of N paths with 1% loss,
 * G = 40. The score counts slots per microsecond; times N paths and 1e6 it is slot-paths per
 * second (target: at least 100 M per core; with the time metrics, at least 200 M).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayBenchmark {
    static final int SLOTS = 20_000;

    @Param({"3", "6"})
    public int paths;

    private List<LossSequence> losses;
    private List<int[]> delays;
    private Schedule schedule;

    @Setup
    public void setup() {
        Random r = new Random(1);
        losses = new ArrayList<>();
        delays = new ArrayList<>();
        for (int p = 0; p < paths; p++) {
            boolean[] b = new boolean[SLOTS];
            int[] d = new int[SLOTS];
            int base = 2000 * (10 + 20 * p);
            for (int i = 0; i < SLOTS; i++) {
                b[i] = r.nextDouble() < 0.01;
                d[i] = base + r.nextInt(2000 * 5);
            }
            losses.add(LossSequence.of(b));
            delays.add(d);
        }
        int[] owner = new int[40];
        for (int j = 0; j < 40; j++) {
            owner[j] = j % paths;
        }
        schedule = Schedule.fixed(new GroupLayout(33, owner, paths));
    }

    /**
     * One interval as its first replay: every group's bits read from the sequences. JMH counts
     * its SLOTS slots.
     */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public IntervalResult replayInterval() {
        return GroupReplay.replayBits(losses, schedule, 40);
    }

    /** The same interval replayed again: the per-group counts the thread kept are summed. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public IntervalResult replayIntervalAgain() {
        return GroupReplay.replay(losses, schedule, 40);
    }

    /**
     * The same interval with its time metrics as well (METHOD section 9): one-way delays of
     * 10 + 20p ms plus up to 5 ms of jitter on path p, a packet every 2 ms, deadline 150 ms.
     * Target: at least 200 M slot-paths per second per core.
     */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public Object replayIntervalWithTime() {
        IntervalResult loss = GroupReplay.replayBits(losses, schedule, 40);
        return TimeReplay.replay(losses, delays, schedule, 40, 4000, 300_000).map(t -> t.delivered() + loss.dataLost());
    }
}
