package org.smarttunnel.ingest.probe;

import java.util.Arrays;

/**
 * Whether numbered send times agree with their run's own clock: a run sends probe k at about
 * origin + k × step, so a send time far from the median origin over the run (send − number ×
 * step) is a damaged stamp, not a probe sent years away. Used by the readers of tools that
 * number and stamp every probe (irtt, OWAMP, TWAMP).
 */
public final class SendClock {
    private SendClock() {
    }

    /**
     * Which of the first {@code n} entries lie more than {@code limitNs} from the clock.
     * {@code stepNs} is the run's spacing, or 0 or less to take the lower median step between
     * consecutive numbers (in the order given); a step beyond {@code limitNs} counts as none.
     */
    public static boolean[] far(long[] number, long[] sendNs, int n, long stepNs, long limitNs) {
        boolean[] far = new boolean[n];
        if (n == 0) {
            return far;
        }
        long step = stepNs;
        if (step <= 0) {
            long[] steps = new long[n];
            int m = 0;
            for (int i = 1; i < n; i++) {
                if (number[i] == number[i - 1] + 1) {
                    steps[m++] = sendNs[i] - sendNs[i - 1];
                }
            }
            Arrays.sort(steps, 0, m);
            // the lower median: with few numbers one damaged stamp is half the steps
            step = m == 0 ? 0 : Math.max(0, steps[(m - 1) / 2]);
        }
        if (step > limitNs) {
            step = 0; // no probing runs that slowly: the send times themselves are the clock
        }
        long[] origin = new long[n];
        for (int i = 0; i < n; i++) {
            long k = number[i];
            boolean overflows = k < 0 || (step != 0 && k > Long.MAX_VALUE / step);
            origin[i] = overflows ? Long.MIN_VALUE : sendNs[i] - k * step;
        }
        long[] sorted = origin.clone();
        Arrays.sort(sorted);
        long median = sorted[n / 2];
        for (int i = 0; i < n; i++) {
            long d = origin[i] - median;
            far[i] = origin[i] == Long.MIN_VALUE || median == Long.MIN_VALUE
                    || Math.abs(d) > limitNs || (origin[i] < median) != (d < 0);
        }
        return far;
    }
}
