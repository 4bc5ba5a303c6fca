package org.smarttunnel.fitting.predict;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.model.FittedLoss;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * The model of one interval of a trace in one mode, with the data it was fitted on (the
 * interval itself for ORACLE, the pooled history for PREDICTED): its probes, losses and the
 * total-variation distance between its observed and modelled burst lengths (NaN without
 * bursts) and the model's BIC on the window's sequence.
 */
public record IntervalModel(String trace, int interval, FitMode mode, FittedLoss fitted, long probes, long losses,
        double fitDistance, double bic) {

    /** What {@code fit} writes: one row per (trace, interval, mode). */
    public static final TableSpec<IntervalModel> TABLE = TableSpec.<IntervalModel>named("fits.csv")
            .about("fit's output: one row per (trace, interval, mode)")
            .column(Column.text("trace", IntervalModel::trace))
            .column(Column.integer("interval", "", IntervalModel::interval))
            .column(Column.text("mode", m -> m.mode().id()))
            .column(Column.integer("states", "states", IntervalModel::states))
            .column(Column.integer("probes", "probes", IntervalModel::probes))
            .column(Column.integer("losses", "probes", IntervalModel::losses))
            .column(Column.formatted("loss_rate", "fraction", m -> Numbers.rate(m.losses(), m.probes())))
            .column(Column.number("mean_burst", "probes", m -> m.model().meanBurst()))
            .column(Column.formatted("q", "probability per state", m -> MarkovLoss.lossText(m.model())))
            .column(Column.number("fit_distance", "total variation (0-1)", IntervalModel::fitDistance))
            .column(Column.text("model", m -> m.fitted().model()))
            .column(Column.text("parameters", m -> m.model().describe()))
            .column(Column.number("bic", "nats", IntervalModel::bic))
            .build();

    /** The fitted model. */
    public MarkovLoss model() {
        return fitted.loss();
    }

    public int states() {
        return model().states();
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) losses / probes;
    }
}
