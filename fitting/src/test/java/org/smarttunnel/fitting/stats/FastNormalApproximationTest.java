package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastNormalApproximationTest {
    @Test
    void tableMatchesTheExactLogErfcAndItsDerivative() {
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            double u = -10 + 60 * r.nextDouble();
            double exact = LogErfc.logHalfErfc(u);
            assertEquals(exact, LogErfcTable.value(u), 1e-9 * Math.max(1, Math.abs(exact)), "u=" + u);
            double d = LogErfcTable.derivativeExact(u);
            assertEquals(d, LogErfcTable.derivative(u), 1e-7 * Math.max(1, Math.abs(d)), "u=" + u);
        }
    }

    @Test
    void agreesWithTheReferenceFromTheCentreToFarTails() {
        Random r = new Random(2);
        for (int i = 0; i < 5000; i++) {
            int d = 5 + r.nextInt(120);
            int red = 1 + r.nextInt(Math.max(1, d / 2));
            double mx = Math.pow(10, -3 + 4 * r.nextDouble()) * (i % 5 == 0 ? 3 : 1);
            double sx = Math.pow(10, -2 + 2.5 * r.nextDouble());
            double my = Math.pow(10, -3 + 3 * r.nextDouble());
            double sy = Math.pow(10, -2 + 2 * r.nextDouble());
            double reference = NormalApproximation.logExpectedLoss(mx, sx, my, sy, d, red);
            double fast = FastNormalApproximation.logExpectedLoss(mx, sx, my, sy, d, red);
            if (reference == Double.NEGATIVE_INFINITY) {
                assertEquals(reference, fast);
            } else {
                assertEquals(reference, fast, 1e-8 * Math.max(1, Math.abs(reference)),
                        mx + " " + sx + " " + my + " " + sy + " D=" + d + " R=" + red);
            }
        }
    }
}
