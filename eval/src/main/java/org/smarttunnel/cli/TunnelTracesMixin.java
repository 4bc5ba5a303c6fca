package org.smarttunnel.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine.Option;

/** The traces of one tunnel, named on the command line: replay and timeline share them. */
final class TunnelTracesMixin {
    @Option(names = "--trace", required = true, paramLabel = "ID",
            description = "A trace of the tunnel, one per path; repeat for every path, in path order (at least "
                    + "two different traces).")
    List<String> traces;

    /** The named traces, read from the dataset in path order. */
    List<Trace> load(TraceDataset ds) throws IOException, IngestException {
        requireTunnel();
        List<Trace> loaded = new ArrayList<>();
        for (String id : traces) {
            loaded.add(ds.load(id));
        }
        return loaded;
    }

    /** Refuses a tunnel of one path, or one trace named twice. */
    void requireTunnel() {
        if (traces.size() < 2 || traces.stream().distinct().count() != traces.size()) {
            throw new IllegalArgumentException("--trace must name at least two different traces, one per path (got "
                    + String.join(", ", traces) + ")");
        }
    }

    /** {@code o} with its interval length defaulting to the dataset's. */
    static ReplayOptions onDataset(ReplayOptions o, TraceDataset ds) {
        return o.toBuilder().models(o.models().toBuilder().intervalUs(o.models().intervalUs(ds.intervalUs())).build())
                .build();
    }
}
