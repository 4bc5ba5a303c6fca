package org.smarttunnel.replay.engine;

/**
 * An interval replayed (METHOD section 3): complete groups, groups FEC could not recover
 * (X + Y > R), data packets sent and lost after FEC.
 */
public record IntervalResult(long groups, long failedGroups, long dataSent, long dataLost) {
    /** Lost / sent; NaN without a group. */
    public double lossRate() {
        return dataSent == 0 ? Double.NaN : (double) dataLost / dataSent;
    }

    /** No data lost after FEC. */
    public boolean lossFree() {
        return dataLost == 0;
    }
}
