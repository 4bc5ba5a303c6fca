package org.smarttunnel.fitting.predict;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.model.GilbertModel;

/**
 * The model of one interval of a trace in one mode, with the data it was fitted on (the
 * interval itself for ORACLE, the pooled history for PREDICTED): its probes, losses and the
 * total-variation distance between its observed and modelled burst lengths (NaN without
 * bursts).
 */
public record IntervalModel(String trace, int interval, FitMode mode, GilbertModel model, long probes, long losses,
        double fitDistance) {

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
            .column(Column.formatted("q", "probability per state", m -> qText(m.model())))
            .column(Column.number("fit_distance", "total variation (0-1)", IntervalModel::fitDistance))
            .build();

    /** {@code q0;q1;...} with six significant digits each. */
    public static String qText(GilbertModel model) {
        StringBuilder q = new StringBuilder();
        for (int k = 0; k < model.states(); k++) {
            q.append(k == 0 ? "" : ";").append(Numbers.number(model.q(k)));
        }
        return q.toString();
    }

    public int states() {
        return model.states();
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) losses / probes;
    }
}
