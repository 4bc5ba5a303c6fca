package org.smarttunnel.ingest.probe;

/**
 * What the matcher saw in one input: echo requests and replies, duplicates (counted once),
 * replies too late to count or for probes before the run began, replies whose request the
 * capture does not hold, restarts of a ping under the same identifier (or after an hour of
 * silence), and packets skipped for a time stamp more than an hour from those around them (with
 * where the first of them is in the file, or -1 when the reader does not say).
 */
public record MatchStats(long requests, long replies, long duplicateRequests, long duplicateReplies,
        long lateReplies, long repliesWithoutRequest, long restarts, long outlierStamps, long firstOutlierOffset) {

    /** The counts of two matchers together (the first outlier: the earlier known offset). */
    public MatchStats plus(MatchStats o) {
        long first = firstOutlierOffset < 0 ? o.firstOutlierOffset
                : o.firstOutlierOffset < 0 ? firstOutlierOffset : Math.min(firstOutlierOffset, o.firstOutlierOffset);
        return new MatchStats(requests + o.requests, replies + o.replies, duplicateRequests + o.duplicateRequests,
                duplicateReplies + o.duplicateReplies, lateReplies + o.lateReplies,
                repliesWithoutRequest + o.repliesWithoutRequest, restarts + o.restarts, outlierStamps + o.outlierStamps,
                first);
    }

    /** Mutable tally the matcher fills in. */
    static final class Tally {
        long requests;
        long replies;
        long duplicateRequests;
        long duplicateReplies;
        long lateReplies;
        long repliesWithoutRequest;
        long restarts;
        long outlierStamps;
        long firstOutlierOffset = -1;

        /** A packet at {@code offset} (-1: unknown) skipped for its stamp. */
        void outlier(long offset) {
            if (outlierStamps++ == 0) {
                firstOutlierOffset = offset;
            }
        }

        MatchStats snapshot() {
            return new MatchStats(requests, replies, duplicateRequests, duplicateReplies, lateReplies,
                    repliesWithoutRequest, restarts, outlierStamps, firstOutlierOffset);
        }
    }
}
