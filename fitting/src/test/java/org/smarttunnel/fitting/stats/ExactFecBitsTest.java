package org.smarttunnel.fitting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.model.GilbertElliott;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * The exact expected loss, bit for bit: 3,000 random schedules (Gilbert chains of 1 to 16
 * states, Gilbert-Elliott models, 1 to 5 paths, groups of 4 to 60 slots, some with a search's
 * bound, the calculator's memory cleared now and then) against the doubles the first fast
 * implementation gave, kept as a golden file. Speed-ups must keep every sum's terms and their
 * order: an allocation chosen between near ties, and hence a table, could change otherwise.
 * Regenerate with {@code -Dgolden.update=true} only for a change meant to alter the numbers.
 */
class ExactFecBitsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/exact-fec-bits.txt");

    @Test
    void everyAnswerIsTheSameDoubleAsBefore() throws IOException {
        List<String> got = answers(new Random(20261129), 3000);
        if (Boolean.getBoolean("golden.update")) {
            Files.write(GOLDEN, got, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(expected.get(i), got.get(i), "schedule " + i
                    + " (regenerate with -Dgolden.update=true when a change is meant to alter the numbers)");
        }
    }

    private static List<String> answers(Random r, int count) {
        ExactFec fec = new ExactFec(64, 16);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int paths = 1 + r.nextInt(5);
            int g = 4 + r.nextInt(r.nextBoolean() ? 20 : 57);
            int redundancy = r.nextInt(Math.min(g, 16));
            List<MarkovLoss> models = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                if (r.nextInt(4) == 0) {
                    models.add(new GilbertElliott(0.01 + 0.2 * r.nextDouble(), 0.1 + 0.5 * r.nextDouble(),
                            0.01 * r.nextDouble(), 0.3 + 0.6 * r.nextDouble()));
                } else {
                    double[] q = new double[1 + r.nextInt(16)];
                    for (int s = 0; s < q.length; s++) {
                        q[s] = s == 0 ? 0.1 * r.nextDouble() : r.nextDouble();
                    }
                    models.add(GilbertModel.of(q));
                }
            }
            int[] owner = new int[g];
            for (int s = 0; s < g; s++) {
                owner[s] = r.nextInt(paths);
            }
            double bound = r.nextInt(3) == 0 ? 1e-3 * r.nextDouble() : Double.POSITIVE_INFINITY;
            out.add(Double.toHexString(fec.expectedLostAfterFec(models, new GroupLayout(g - redundancy, owner, paths),
                    bound)));
            if (r.nextInt(50) == 0) {
                fec.forget();
            }
        }
        return out;
    }
}
