package org.smarttunnel.replay.time;

import java.util.OptionalDouble;

/**
 * The time metrics of one replayed interval (METHOD section 9), over its data packets: how many
 * were delivered (received or recovered); delivery delay (availability − sending) mean,
 * nearest-rank p50, p95, p99 and max; in-order delay (release − sending) mean, p95 and p99;
 * jitter (population standard deviation of delivery delay); IPDV (mean absolute difference of
 * consecutive delivered packets' delivery delays); the share of received data packets that
 * arrived after a later-numbered one; the most packets ever held by the receiver; the share of
 * data packets lost or released after the deadline. Delays are in milliseconds; a value without
 * the packets to compute it is empty.
 */
public record TimeMetrics(long delivered, OptionalDouble delayMeanMs, OptionalDouble delayP50Ms,
        OptionalDouble delayP95Ms, OptionalDouble delayP99Ms, OptionalDouble delayMaxMs, OptionalDouble inorderMeanMs,
        OptionalDouble inorderP95Ms, OptionalDouble inorderP99Ms, OptionalDouble jitterMs, OptionalDouble ipdvMs,
        OptionalDouble reorderedShare, long bufferMax, double lateShare) {
}
