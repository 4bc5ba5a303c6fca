package org.smarttunnel.eval.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.run.ReplayOptions;
import org.smarttunnel.replay.run.ReplayRow;
import org.smarttunnel.replay.run.ReplayRunner;

/**
 * One tunnel under one allocator and mode, interval by interval (the SmartTunnel paper's Fig.
 * 9): each path's loss rate before FEC, the share of each group's packets the allocator gave
 * it, the tunnel's loss rate after FEC and its p95 delivery delay. Intervals the mode cannot
 * replay (interval 0 when predicting, idle ones) are left out.
 */
public final class Timeline {
    /** One path in one interval, with the tunnel's figures of that interval beside it. */
    public record Row(int interval, double startS, String trace, double pathLossRate, double share,
            double tunnelLossRate, OptionalDouble delayP95Ms) {
    }

    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("timeline.csv")
            .about("timeline: per replayed interval and path, the path's loss rate before FEC and its share of "
                    + "the packets, and the tunnel's loss rate after FEC and p95 delivery delay")
            .column(Column.integer("interval", "", Row::interval))
            .column(Column.number("start_s", "s from the tunnel's first interval", Row::startS))
            .column(Column.text("trace", Row::trace))
            .column(Column.number("path_loss_rate", "fraction", Row::pathLossRate))
            .column(Column.number("share", "fraction", Row::share))
            .column(Column.number("tunnel_loss_rate", "fraction", Row::tunnelLossRate))
            .column(Column.formatted("delay_p95_ms", "ms", r -> Numbers.millis(r.delayP95Ms().orElse(Double.NaN))))
            .build();

    /** The rows in interval order, paths in tunnel order; {@code traces} and {@code intervalUs} as replayed. */
    public record Result(List<Row> rows, List<String> traces, long intervalUs, String allocator, String mode) {
    }

    private Timeline() {
    }

    /** Replays the traces as one tunnel under {@code o}'s single allocator and mode. */
    public static Result of(List<Trace> traces, ReplayOptions o) {
        if (o.allocators().size() != 1 || o.models().modes().size() != 1) {
            throw new IllegalArgumentException("a timeline shows one allocator in one mode");
        }
        List<IntervalFits> fits = ReplayRunner.cut(traces, o);
        List<String> ids = traces.stream().map(Trace::id).toList();
        long intervalUs = o.models().intervalUs().getAsLong();
        List<Row> rows = new ArrayList<>();
        for (ReplayRow r : ReplayRunner.run(fits, ids, o)) {
            int k = r.interval();
            int[] data = r.allocation().data();
            int[] redundant = r.allocation().redundant();
            for (int p = 0; p < ids.size(); p++) {
                LossSequence loss = fits.get(p).loss(k);
                rows.add(new Row(k, k * (intervalUs / 1e6), ids.get(p), loss.length() == 0 ? Double.NaN
                        : loss.lossRate(), (double) (data[p] + redundant[p]) / o.group(), r.result().lossRate(),
                        r.time().map(t -> t.delayP95Ms()).orElse(OptionalDouble.empty())));
            }
        }
        return new Result(rows, ids, intervalUs, o.allocators().get(0).id(), o.models().modes().iterator().next()
                .id());
    }
}
