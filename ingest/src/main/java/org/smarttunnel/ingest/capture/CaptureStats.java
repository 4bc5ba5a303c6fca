package org.smarttunnel.ingest.capture;

/**
 * Frames read from one capture and what they were: echo requests, echo replies, other
 * packets (ignored; {@code notIp} and {@code fragments} of them not IP and later fragments,
 * the rest IP without an echo), frames cut too short to tell, and frames skipped (no
 * timestamp, or an interface whose link type cannot be decoded).
 */
public record CaptureStats(long frames, long echoRequests, long echoReplies, long other, long tooShort,
        long skipped, long notIp, long fragments) {

    /** Mutable tally filled while reading. */
    static final class Tally {
        long frames;
        long echoRequests;
        long echoReplies;
        long other;
        long tooShort;
        long skipped;
        long notIp;
        long fragments;

        void count(Decoded d, boolean request) {
            frames++;
            switch (d) {
                case ECHO -> {
                    if (request) {
                        echoRequests++;
                    } else {
                        echoReplies++;
                    }
                }
                case OTHER -> other++;
                case NOT_IP -> {
                    other++;
                    notIp++;
                }
                case FRAGMENT -> {
                    other++;
                    fragments++;
                }
                case SHORT -> tooShort++;
            }
        }

        CaptureStats snapshot() {
            return new CaptureStats(frames, echoRequests, echoReplies, other, tooShort, skipped, notIp, fragments);
        }
    }
}
