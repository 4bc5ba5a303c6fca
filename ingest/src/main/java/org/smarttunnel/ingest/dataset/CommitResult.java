package org.smarttunnel.ingest.dataset;

import java.util.List;

/** What a commit did: traces added (with their final ids) and traces left out, with why. */
public record CommitResult(List<Added> added, List<Skipped> skipped, int tracesInDataset) {
    public CommitResult {
        added = List.copyOf(added);
        skipped = List.copyOf(skipped);
    }

    public record Added(TraceSummary summary, org.smarttunnel.ingest.probe.TraceStats stats) {
    }

    public record Skipped(PendingTrace trace, String reason) {
    }
}
