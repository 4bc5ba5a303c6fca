package org.smarttunnel.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.predict.PathModel;

/** Path models for tests. */
public final class Paths {
    private Paths() {
    }

    public static DelayProfile noDelay() {
        return new DelayProfile(Double.NaN, Double.NaN, DelayProfile.DEFAULT_PERIOD_US, new double[0], new double[0]);
    }

    public static DelayProfile delay(double meanUs, double[] periodMean, double[] periodMin) {
        double min = Double.NaN;
        for (double m : periodMin) {
            if (!Double.isNaN(m)) {
                min = Double.isNaN(min) ? m : Math.min(min, m);
            }
        }
        return new DelayProfile(min, meanUs, DelayProfile.DEFAULT_PERIOD_US, periodMean, periodMin);
    }

    public static PathModel of(double... q) {
        return new PathModel(GilbertModel.of(q), noDelay());
    }

    public static List<PathModel> of(GilbertModel... models) {
        List<PathModel> out = new ArrayList<>();
        for (GilbertModel m : models) {
            out.add(new PathModel(m, noDelay()));
        }
        return out;
    }

    /** Bursty n-state models: loss 0.05% to 10%, continuation 0.2 to 0.9. */
    public static GilbertModel bursty(Random r) {
        int n = 2 + r.nextInt(3);
        double[] q = new double[n];
        q[0] = Math.pow(10, -3.3 + 2.3 * r.nextDouble()) * 0.5;
        for (int k = 1; k < n; k++) {
            q[k] = 0.2 + 0.7 * r.nextDouble();
        }
        return GilbertModel.of(q);
    }
}
