package org.smarttunnel.eval.uncertainty;

/**
 * What a cell's numbers are worth: the tunnels its intervals come from, the Wilson interval of
 * its loss-free share (intervals taken as independent), and the cluster bootstrap's intervals of
 * the loss-free share, the mean loss rate and the mean p95 delay (tunnels resampled; NONE with
 * fewer than two tunnels, or without draws), with the draws themselves for the tables built from
 * several cells.
 */
public record CellUncertainty(int tunnels, Ci wilson, Ci lossFree, Ci meanLoss, Ci delayP95, double[] lossFreeDraws,
        double[] meanLossDraws) {
    public static final CellUncertainty NONE = new CellUncertainty(0, Ci.NONE, Ci.NONE, Ci.NONE, Ci.NONE,
            new double[0], new double[0]);
}
