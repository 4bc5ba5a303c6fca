package org.smarttunnel.ingest.dataset;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.trace.Concurrency;
import org.smarttunnel.ingest.trace.TraceInfo;

/** One row of {@code index.csv}: a trace, where its probes are, and its totals. */
public record TraceSummary(TraceInfo info, String file, long probes, long lost, long firstSendUs, long lastSendUs) {

    /** {@code index.csv}. */
    public static final TableSpec<TraceSummary> TABLE = TableSpec.<TraceSummary>named("index.csv")
            .about("one row per trace of a dataset: its labels, file and totals")
            .column(Column.text("trace", TraceSummary::id))
            .column(Column.text("file", TraceSummary::file))
            .column(Column.text("host", t -> t.info().host()))
            .column(Column.text("site", t -> t.info().site()))
            .column(Column.text("src", t -> t.info().src()))
            .column(Column.text("dst", t -> t.info().dst()))
            .column(Column.text("ident", t -> t.info().ident()))
            .column(Column.integer("probes", "probes", TraceSummary::probes))
            .column(Column.integer("lost", "probes", TraceSummary::lost))
            .column(Column.formatted("loss_rate", "fraction", t -> Numbers.rate(t.lost(), t.probes())))
            .column(Column.integer("first_send_us", "µs since the epoch", TraceSummary::firstSendUs))
            .column(Column.integer("last_send_us", "µs since the epoch", TraceSummary::lastSendUs))
            .column(Column.text("direction", t -> t.info().direction().id()))
            .build();
    /** The columns of indexes written before {@code direction} existed, which are still read (as round trips). */
    public static final int COLUMNS_BEFORE_DIRECTION = 12;

    public String id() {
        return info.id();
    }

    /** The send-time range, to tell which traces were measured together. */
    public Concurrency.Span span() {
        return new Concurrency.Span(id(), firstSendUs, lastSendUs);
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) lost / probes;
    }

    /** Whether {@code other} is the same measurement (re-importing a file must not duplicate it). */
    public boolean sameMeasurement(TraceSummary other) {
        return info.host().equals(other.info.host()) && info.site().equals(other.info.site())
                && info.src().equals(other.info.src()) && info.dst().equals(other.info.dst())
                && info.ident().equals(other.info.ident()) && info.direction() == other.info.direction()
                && probes == other.probes && lost == other.lost
                && firstSendUs == other.firstSendUs && lastSendUs == other.lastSendUs;
    }
}
