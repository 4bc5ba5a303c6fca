package org.smarttunnel.replay.alloc;

/**
 * A block allocation from the dynamic programme: the scaled mean e it achieves, the packets
 * per path, and its exact total mean and (minimum) variance of lost packets.
 */
record Candidate(int e, int[] counts, double mean, double var) {
    /** Whether this candidate dominates {@code o}: no larger mean and variance, better in one or by index. */
    boolean dominates(Candidate o) {
        return mean <= o.mean && var <= o.var && (mean < o.mean || var < o.var || e < o.e);
    }
}
