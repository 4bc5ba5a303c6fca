package org.smarttunnel.fitting.model;

/** The stationary distribution from the balance equations of a chain. */
final class Balance {
    private Balance() {
    }

    /**
     * Solves pi A = 0, sum pi = 1, given {@code a} (n rows of n + 1, a[t][s] = P(s to t) minus
     * the identity, last column zero): the last equation is replaced by the normalisation, then
     * Gaussian elimination with partial pivoting; negative rounding clamps to 0.
     */
    static double[] solve(double[][] a) {
        int n = a.length;
        for (int s = 0; s < n; s++) {
            a[n - 1][s] = 1;
        }
        a[n - 1][n] = 1;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && a[c][c] != 0) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] pi = new double[n];
        for (int s = 0; s < n; s++) {
            pi[s] = a[s][s] == 0 ? 0 : Math.max(0, a[s][n] / a[s][s]);
        }
        return pi;
    }
}
