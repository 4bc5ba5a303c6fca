package org.smarttunnel.fitting.predict;

import org.smarttunnel.fitting.model.GilbertModel;

/**
 * The model of one interval of a trace in one mode, with the data it was fitted on (the
 * interval itself for ORACLE, the pooled history for PREDICTED): its probes, losses and the
 * total-variation distance between its observed and modelled burst lengths (NaN without
 * bursts).
 */
public record IntervalModel(String trace, int interval, FitMode mode, GilbertModel model, long probes, long losses,
        double fitDistance) {

    public int states() {
        return model.states();
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) losses / probes;
    }
}
