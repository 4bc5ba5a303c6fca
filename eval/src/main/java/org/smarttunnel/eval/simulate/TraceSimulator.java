package org.smarttunnel.eval.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.TraceIds;
import org.smarttunnel.ingest.dataset.CommitResult;
import org.smarttunnel.ingest.dataset.DatasetWriter;
import org.smarttunnel.ingest.dataset.OpenFiles;
import org.smarttunnel.ingest.dataset.PendingTrace;
import org.smarttunnel.ingest.dataset.TraceFileWriter;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.ingest.trace.TraceInfo;

/**
 * Writes the simulated paths straight into a trace dataset, without captures: the traces are
 * exactly those that importing the request-and-reply captures of the same simulation gives
 * (a test holds the two to each other), in a fraction of the time and disk. Benchmarks use it
 * for paper-size datasets.
 */
public final class TraceSimulator {
    private TraceSimulator() {
    }

    public static CommitResult write(SimulationOptions o, Path dataset, long intervalUs, TraceFormat format)
            throws IOException, IngestException {
        Topology world = new Topology(o);
        GroundTruth truth = new GroundTruth(world);
        List<PendingTrace> pending = new ArrayList<>();
        try (DatasetWriter writer = DatasetWriter.open(dataset, intervalUs, Optional.of(o.describe()))) {
            OpenFiles budget = new OpenFiles(OpenFiles.DEFAULT_CAPACITY);
            for (int h = 1; h <= o.hosts(); h++) {
                for (int s = 1; s <= o.sites(); s++) {
                    PathProcess p = world.path(h, s);
                    String src = Topology.dotted(Topology.hostAddress(h));
                    String dst = Topology.dotted(Topology.siteAddress(s));
                    String ident = String.valueOf(Topology.ident(s));
                    TraceInfo info = new TraceInfo(TraceIds.of(src, dst, ident), src, dst, src, dst, ident);
                    try (TraceFileWriter sink = TraceFileWriter.of(format, writer.stagingFile(format), intervalUs,
                            budget)) {
                        while (p.hasNext()) {
                            PathProcess.Probe probe = p.next();
                            sink.probe(probe.seq(), probe.sendNs(), probe.lost(), probe.rttNs());
                        }
                        pending.add(new PendingTrace(info, sink.file(), sink.stats()));
                    }
                    truth.add(h, s, p);
                }
            }
            CommitResult result = writer.commit(pending);
            truth.write(dataset.resolve("truth"));
            return result;
        }
    }
}
