package org.smarttunnel.replay.alloc;

/** Integer counts summing to {@code total} from fractions: floors, then the largest remainders (ties: lowest index). */
final class LargestRemainder {
    private LargestRemainder() {
    }

    static int[] round(double[] fractions, int total) {
        int n = fractions.length;
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        int[] out = new int[n];
        double[] rest = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = sum > 0 ? fractions[i] / sum * total : (double) total / n;
            out[i] = (int) Math.floor(exact);
            rest[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }
}
