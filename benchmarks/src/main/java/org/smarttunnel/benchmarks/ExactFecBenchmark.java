package org.smarttunnel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.stats.ExactFec;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.fitting.stats.GroupLoss;
import org.smarttunnel.fitting.stats.Moments;
import org.smarttunnel.fitting.stats.NormalApproximation;

/**
 * The inner loop of allocation: expected data loss after FEC of one schedule, G = 40
 * (D = 33, R = 7), N = 3 paths in round robin, bursty n-state models. Target for the exact
 * value: 50 us or less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExactFecBenchmark {
    @Param({"2", "4", "8"})
    public int states;

    private List<GilbertModel> models;
    private GroupLayout layout;
    private ExactFec calculator;
    private Moments moments;

    @Setup
    public void setup() {
        models = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            double[] q = new double[states];
            q[0] = 0.005 * (p + 1);
            for (int k = 1; k < states; k++) {
                q[k] = 0.3 + 0.05 * k;
            }
            models.add(GilbertModel.of(q));
        }
        int[] slots = new int[40];
        for (int j = 0; j < 40; j++) {
            slots[j] = j % 3;
        }
        layout = new GroupLayout(33, slots, 3);
        calculator = new ExactFec(40, 16);
        moments = GroupLoss.moments(models, layout);
    }

    @Benchmark
    public double exactFast() {
        return calculator.expectedLostAfterFec(models, layout);
    }

    @Benchmark
    public double exactReference() {
        return GroupLoss.exact(models, layout);
    }

    @Benchmark
    public double normalApproximation() {
        return NormalApproximation.logExpectedLoss(moments.meanX(), moments.sdX(), moments.meanY(), moments.sdY(),
                33, 7);
    }
}
