package org.smarttunnel.ingest.dataset;

import java.nio.file.Path;
import org.smarttunnel.ingest.probe.TraceStats;
import org.smarttunnel.ingest.trace.TraceInfo;

/** A trace written to the staging area, waiting for its final id; {@code info.id()} is the proposed id. */
public record PendingTrace(TraceInfo info, Path staged, TraceStats stats) {
}
