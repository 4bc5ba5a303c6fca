package org.smarttunnel.ingest.log;

import java.util.Arrays;
import org.smarttunnel.ingest.probe.Interpolate;

/**
 * Send times of a run's probes from the few that are known (anchors): linear interpolation
 * by probe number between anchors, extrapolation at the run's spacing beyond them.
 */
final class SendTimes {
    private SendTimes() {
    }

    /**
     * @param anchorNs per probe, the known send time or {@code Long.MIN_VALUE}
     * @param spacingNs spacing to extrapolate with when only one anchor is known
     * @return a send time for every probe
     */
    static long[] fill(long[] anchorNs, long spacingNs) {
        int n = anchorNs.length;
        int first = -1;
        int last = -1;
        for (int k = 0; k < n; k++) {
            if (anchorNs[k] != Long.MIN_VALUE) {
                if (first < 0) {
                    first = k;
                }
                last = k;
            }
        }
        long[] out = new long[n];
        if (first < 0) {
            Arrays.fill(out, Long.MIN_VALUE);
            return out;
        }
        for (int k = 0; k < first; k++) {
            out[k] = extrapolate(anchorNs, first, last, k, spacingNs);
        }
        int prev = first;
        out[first] = anchorNs[first];
        for (int k = first + 1; k < n; k++) {
            if (anchorNs[k] != Long.MIN_VALUE) {
                for (int j = prev + 1; j < k; j++) {
                    out[j] = Interpolate.at(prev, anchorNs[prev], k, anchorNs[k], j);
                }
                out[k] = anchorNs[k];
                prev = k;
            }
        }
        for (int k = last + 1; k < n; k++) {
            out[k] = extrapolate(anchorNs, first, last, k, spacingNs);
        }
        return out;
    }

    /** Beyond the anchors: along the line through the first and last, or at the spacing if only one. */
    private static long extrapolate(long[] anchorNs, int first, int last, int k, long spacingNs) {
        if (last > first) {
            return Interpolate.at(first, anchorNs[first], last, anchorNs[last], k);
        }
        return Interpolate.step(first, anchorNs[first], k, spacingNs);
    }
}
