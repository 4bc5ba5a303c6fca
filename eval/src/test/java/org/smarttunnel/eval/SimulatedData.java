package org.smarttunnel.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.smarttunnel.eval.simulate.SimulationOptions;
import org.smarttunnel.eval.simulate.TraceSimulator;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceFormat;

/** Trace datasets for tests: the simulator's paper-like population, written straight to a compact dataset. */
public final class SimulatedData {
    public static final long INTERVAL_US = 40_000_000L;

    private SimulatedData() {
    }

    /** {@code hosts} hosts probing {@code sites} sites for {@code seconds} at 2 ms, 1 s on / 1 s off. */
    public static Path dataset(Path dir, int hosts, int sites, long seconds, long seed)
            throws IOException, IngestException {
        SimulationOptions o = SimulationOptions.builder(hosts, sites).seed(seed).durationNs(seconds * 1_000_000_000L)
                .build();
        TraceSimulator.write(o, dir, INTERVAL_US, TraceFormat.COMPACT);
        return dir;
    }

    /** The same with a bottleneck at every site that about half its paths cross; true groups in DIR/truth. */
    public static Path shared(Path dir, int hosts, int sites, long seconds, long seed)
            throws IOException, IngestException {
        SimulationOptions o = SimulationOptions.builder(hosts, sites).seed(seed).durationNs(seconds * 1_000_000_000L)
                .shared(1).build();
        TraceSimulator.write(o, dir, INTERVAL_US, TraceFormat.COMPACT);
        return dir;
    }
}
