package org.smarttunnel.replay.run;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.engine.IntervalResult;
import org.smarttunnel.replay.time.TimeMetrics;

/**
 * One replayed (mode, allocator, interval): the traces, the allocation, what it delivered, and
 * the loss rate after FEC the mode's models expected for that allocation (exact, paths taken as
 * independent) — beside the measured one, where independence fails shows — and, when the
 * traces carry delays, the interval's time metrics after FEC (METHOD section 9).
 */
public record ReplayRow(FitMode mode, String allocator, int interval, List<String> traces, Allocation allocation,
        IntervalResult result, double expectedLossRate, Optional<TimeMetrics> time) {
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
            .column(Column.formatted("delivered", "packets", r -> r.time().map(t -> Long.toString(t.delivered()))
                    .orElse("")))
            .column(ms("delay_mean_ms", TimeMetrics::delayMeanMs))
            .column(ms("delay_p50_ms", TimeMetrics::delayP50Ms))
            .column(ms("delay_p95_ms", TimeMetrics::delayP95Ms))
            .column(ms("delay_p99_ms", TimeMetrics::delayP99Ms))
            .column(ms("delay_max_ms", TimeMetrics::delayMaxMs))
            .column(ms("inorder_mean_ms", TimeMetrics::inorderMeanMs))
            .column(ms("inorder_p95_ms", TimeMetrics::inorderP95Ms))
            .column(ms("inorder_p99_ms", TimeMetrics::inorderP99Ms))
            .column(ms("jitter_ms", TimeMetrics::jitterMs))
            .column(ms("ipdv_ms", TimeMetrics::ipdvMs))
            .column(Column.formatted("reordered_share", "fraction", r -> Numbers.number(r.time()
                    .flatMap(t -> optional(t.reorderedShare())).orElse(Double.NaN))))
            .column(Column.formatted("buffer_max", "packets", r -> r.time().map(t -> Long.toString(t.bufferMax()))
                    .orElse("")))
            .column(Column.formatted("late_share", "fraction", r -> Numbers.number(r.time().map(TimeMetrics::lateShare)
                    .orElse(Double.NaN))))
            .build();

    private static Column<ReplayRow> ms(String name, Function<TimeMetrics, OptionalDouble> value) {
        return Column.formatted(name, "ms", r -> Numbers.millis(r.time().flatMap(t -> optional(value.apply(t)))
                .orElse(Double.NaN)));
    }

    private static Optional<Double> optional(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }
}
