package org.smarttunnel.ingest.format;

import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.trace.TraceInfo;

/** Where a format puts each run it finds: a new trace of the dataset, streamed probe by probe. */
public interface TraceOpener {
    ProbeSink open(TraceInfo info);
}
