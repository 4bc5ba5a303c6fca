package org.smarttunnel.eval.uncertainty;

/** A confidence interval; both ends NaN when there is none. */
public record Ci(double low, double high) {
    public static final Ci NONE = new Ci(Double.NaN, Double.NaN);

    public boolean present() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** Whether {@code v} lies inside, ends included. */
    public boolean contains(double v) {
        return present() && v >= low && v <= high;
    }

    /** Both ends times {@code f} (a share as a percentage). */
    public Ci scaled(double f) {
        return new Ci(low * f, high * f);
    }
}
