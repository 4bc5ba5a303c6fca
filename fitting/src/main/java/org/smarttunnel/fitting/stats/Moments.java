package org.smarttunnel.fitting.stats;

/** Mean and (co)variance of the lost data (x) and lost redundant (y) packets of a group. */
public record Moments(double meanX, double varX, double meanY, double varY, double covXY) {
    public static final Moments ZERO = new Moments(0, 0, 0, 0, 0);

    /** Moments of the sum of independent parts (paths are assumed independent). */
    public Moments plus(Moments o) {
        return new Moments(meanX + o.meanX, varX + o.varX, meanY + o.meanY, varY + o.varY, covXY + o.covXY);
    }

    public double sdX() {
        return Math.sqrt(varX);
    }

    public double sdY() {
        return Math.sqrt(varY);
    }
}
