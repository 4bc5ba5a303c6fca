package org.smarttunnel.ingest.probe;

/**
 * What the matcher saw in one input: echo requests and replies, duplicates (counted once),
 * replies too late to count or for probes before the run began, replies whose request the
 * capture does not hold, restarts of a ping under the same identifier (or after an hour of
 * silence), and packets skipped for a time stamp more than an hour from those around them.
 */
public record MatchStats(long requests, long replies, long duplicateRequests, long duplicateReplies,
        long lateReplies, long repliesWithoutRequest, long restarts, long outlierStamps) {

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

        MatchStats snapshot() {
            return new MatchStats(requests, replies, duplicateRequests, duplicateReplies, lateReplies,
                    repliesWithoutRequest, restarts, outlierStamps);
        }
    }
}
