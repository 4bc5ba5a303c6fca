package org.smarttunnel.eval.report;

import java.util.List;
import java.util.OptionalDouble;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocator;

/**
 * The numbers the SmartTunnel paper publishes for its trace-driven evaluation (section V-B),
 * to print beside ours: Tables III and IV (percentage of loss-free intervals, oracle, 2 and 3
 * paths), VII and VIII (the same with prediction), V and VI (SmartTunnel's mean loss rate,
 * oracle) and II (probability of a loss-free interval per number of paths; the paper does not
 * say for which K). All with groups of 40 packets.
 */
public final class PaperTables {
    /** The paper's allocators, in its column order, by the names its tables give them ({@link Allocator#paperName()}). */
    public static final List<String> ALLOCATORS = List.of("SmartTunnel", "MkwNu", "RR", "Greedy");
    private static final String SMARTTUNNEL = "SmartTunnel";
    public static final List<Integer> REDUNDANCIES = List.of(7, 10, 14);
    public static final int GROUP = 40;
    public static final double P_LOW = 0.785;

    // [n - 2][k index][g][allocator index], percent
    private static final double[][][][] ORACLE = {
        {
            {{31.12, 25.51, 16.73, 27.85}, {79.45, 75.40, 48.09, 77.71}, {94.47, 87.91, 82.82, 88.86}},
            {{52.95, 40.84, 40.11, 44.53}, {89.62, 84.58, 64.51, 85.87}, {98.88, 95.36, 91.52, 94.79}},
            {{63.30, 53.40, 49.53, 53.21}, {93.81, 90.93, 74.80, 90.60}, {99.09, 98.20, 92.04, 97.80}},
        },
        {
            {{48.82, 33.09, 14.77, 42.82}, {88.20, 84.96, 35.73, 86.08}, {96.80, 93.84, 64.51, 94.49},
                {98.71, 96.35, 90.53, 96.00}},
            {{65.86, 47.73, 33.27, 53.23}, {93.58, 90.76, 55.22, 90.43}, {98.82, 97.26, 79.05, 96.60},
                {99.61, 98.80, 93.84, 97.73}},
            {{77.84, 64.79, 61.60, 61.08}, {97.25, 94.78, 82.88, 93.94}, {99.62, 99.02, 96.93, 98.44},
                {99.81, 99.67, 99.78, 98.92}},
        },
    };

    private static final double[][][][] PREDICTED = {
        {
            {{27.76, 20.47, 17.38, 27.10}, {77.25, 73.53, 48.19, 76.18}, {90.46, 83.66, 82.76, 84.85}},
            {{50.21, 37.47, 39.89, 42.63}, {87.12, 83.30, 64.41, 85.07}, {96.18, 91.27, 91.36, 90.82}},
            {{59.25, 49.81, 48.87, 52.26}, {91.25, 89.25, 74.45, 89.22}, {97.35, 96.22, 91.95, 95.15}},
        },
        {
            {{41.77, 25.77, 15.27, 39.36}, {85.46, 82.61, 35.43, 84.69}, {92.31, 89.31, 64.48, 90.62},
                {94.42, 91.32, 90.52, 91.37}},
            {{58.18, 40.68, 33.05, 49.23}, {90.49, 88.79, 54.90, 89.03}, {95.39, 93.61, 78.54, 93.37},
                {96.39, 95.03, 93.84, 93.82}},
            {{71.08, 59.67, 61.31, 57.14}, {94.14, 93.31, 82.46, 92.42}, {97.06, 96.28, 96.92, 95.56},
                {97.64, 97.22, 99.76, 96.09}},
        },
    };

    // [n - 2][k index][g], SmartTunnel, oracle
    private static final double[][][] MEAN_LOSS = {
        {{0.0101, 0.0009, 0.0001}, {0.0071, 0.0004, 2.6e-5}, {0.0054, 0.0003, 1.6e-5}},
        {{0.0067, 0.0003, 0.0001, 2.5e-5}, {0.0046, 0.0002, 2.6e-5, 9.8e-6}, {0.0031, 0.0001, 1.2e-5, 4.4e-6}},
    };

    private static final int[] TABLE_II_PATHS = {2, 3, 4, 6};
    private static final double[] TABLE_II_ORACLE = {0.94, 0.9852, 0.996, 0.9991};
    private static final double[] TABLE_II_PREDICTED = {0.85, 0.88, 0.91, 0.9267};

    private PaperTables() {
    }

    private static boolean isSmartTunnel(Allocator a) {
        return a.paperName().filter(SMARTTUNNEL::equals).isPresent();
    }

    /** Percentage of loss-free intervals (Tables III, IV, VII, VIII). */
    public static OptionalDouble lossFreePct(FitMode mode, int n, int k, int g, Allocator allocator, int group) {
        int a = allocator.paperName().map(ALLOCATORS::indexOf).orElse(-1);
        int ki = REDUNDANCIES.indexOf(k);
        if (group != GROUP || a < 0 || ki < 0 || n < 2 || n > 3 || g < 0 || g > n) {
            return OptionalDouble.empty();
        }
        double[][][][] t = mode == FitMode.ORACLE ? ORACLE : PREDICTED;
        return OptionalDouble.of(t[n - 2][ki][g][a]);
    }

    /** SmartTunnel's mean loss rate after FEC, oracle (Tables V, VI). */
    public static OptionalDouble meanLoss(FitMode mode, int n, int k, int g, Allocator allocator, int group) {
        int ki = REDUNDANCIES.indexOf(k);
        if (group != GROUP || mode != FitMode.ORACLE || !isSmartTunnel(allocator) || ki < 0 || n < 2 || n > 3
                || g < 0 || g > n) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(MEAN_LOSS[n - 2][ki][g]);
    }

    /** SmartTunnel's probability of a loss-free interval with N paths (Table II; K not stated). */
    public static OptionalDouble lossFreeProbability(FitMode mode, int n, Allocator allocator, int group) {
        if (group != GROUP || !isSmartTunnel(allocator)) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < TABLE_II_PATHS.length; i++) {
            if (TABLE_II_PATHS[i] == n) {
                return OptionalDouble.of(mode == FitMode.ORACLE ? TABLE_II_ORACLE[i] : TABLE_II_PREDICTED[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * L_{N,K} from the paper's own Tables V and VI with its P = 0.785 (it states L_{2,7} = 8e-4
     * and L_{3,14} = 5e-5).
     */
    public static OptionalDouble expectedLoss(FitMode mode, int n, int k, Allocator allocator, int group) {
        double sum = 0;
        for (int g = 0; g <= n; g++) {
            OptionalDouble r = meanLoss(mode, n, k, g, allocator, group);
            if (r.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += r.getAsDouble() * Tables.weight(n, g, P_LOW);
        }
        return OptionalDouble.of(sum);
    }
}
