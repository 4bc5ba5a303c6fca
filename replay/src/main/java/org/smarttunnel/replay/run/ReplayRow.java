package org.smarttunnel.replay.run;

import java.util.List;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.ingest.dataset.Csv;
import org.smarttunnel.replay.alloc.Allocation;
import org.smarttunnel.replay.engine.IntervalResult;

/** One replayed (mode, allocator, interval): the traces, the allocation and what it delivered. */
public record ReplayRow(FitMode mode, String allocator, int interval, List<String> traces, Allocation allocation,
        IntervalResult result) {
    public ReplayRow {
        traces = List.copyOf(traces);
    }

    public static final String HEADER =
            "mode,allocator,interval,traces,allocation,groups,failed_groups,data_sent,data_lost,loss_rate,loss_free";

    /** The row in the columns of {@link #HEADER}. */
    public String csv() {
        return Csv.row(mode.id(), allocator, interval, String.join(";", traces), allocation.text(), result.groups(),
                result.failedGroups(), result.dataSent(), result.dataLost(),
                Csv.rate(result.dataLost(), result.dataSent()), result.lossFree() ? 1 : 0);
    }
}
