package org.smarttunnel.ingest.dataset;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.Interval;

/** One row of {@code intervals.csv}: an interval of a trace and its counts (empty intervals included). */
public record IntervalRow(String trace, int interval, long startUs, long probes, long lost) {

    /** {@code intervals.csv}. */
    public static final TableSpec<IntervalRow> TABLE = TableSpec.<IntervalRow>named("intervals.csv")
            .about("one row per interval of every trace, empty ones (idle gaps) included")
            .column(Column.text("trace", IntervalRow::trace))
            .column(Column.integer("interval", "", IntervalRow::interval))
            .column(Column.integer("start_us", "µs since the epoch", IntervalRow::startUs))
            .column(Column.integer("probes", "probes", IntervalRow::probes))
            .column(Column.integer("lost", "probes", IntervalRow::lost))
            .column(Column.formatted("loss_rate", "fraction", r -> Numbers.rate(r.lost(), r.probes())))
            .build();

    public static IntervalRow of(Interval i) {
        return new IntervalRow(i.trace(), i.number(), i.startUs(), i.probes(), i.lost());
    }
}
