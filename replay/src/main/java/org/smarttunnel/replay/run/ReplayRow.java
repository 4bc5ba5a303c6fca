package org.smarttunnel.replay.run;

import java.util.List;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.engine.IntervalResult;

/**
 * One replayed (mode, allocator, interval): the traces, the allocation, what it delivered, and
 * the loss rate after FEC the mode's models expected for that allocation (exact, paths taken as
 * independent) — beside the measured one, where independence fails shows.
 */
public record ReplayRow(FitMode mode, String allocator, int interval, List<String> traces, Allocation allocation,
        IntervalResult result, double expectedLossRate) {
    public ReplayRow {
        traces = List.copyOf(traces);
    }

    /** The rows {@code replay} writes (and the tail of {@code evaluate}'s replay.csv). */
    public static final TableSpec<ReplayRow> TABLE = TableSpec.<ReplayRow>named("replay.csv")
            .about("replay's output: one row per (mode, allocator, interval)")
            .column(Column.text("mode", r -> r.mode().id()))
            .column(Column.text("allocator", ReplayRow::allocator))
            .column(Column.integer("interval", "", ReplayRow::interval))
            .column(Column.text("traces", r -> String.join(";", r.traces())))
            .column(Column.text("allocation", r -> r.allocation().text()))
            .column(Column.integer("groups", "groups", r -> r.result().groups()))
            .column(Column.integer("failed_groups", "groups", r -> r.result().failedGroups()))
            .column(Column.integer("data_sent", "packets", r -> r.result().dataSent()))
            .column(Column.integer("data_lost", "packets", r -> r.result().dataLost()))
            .column(Column.formatted("loss_rate", "fraction",
                    r -> Numbers.rate(r.result().dataLost(), r.result().dataSent())))
            .column(Column.integer("loss_free", "0/1", r -> r.result().lossFree() ? 1 : 0))
            .column(Column.number("expected_loss_rate", "fraction", ReplayRow::expectedLossRate))
            .build();
}
