package org.smarttunnel.ingest.log;

import org.smarttunnel.ingest.probe.ProbeSink;

/** Opens the sink for a run found in a log. */
public interface LogRunListener {
    /**
     * @param run 1-based number of the run in its file
     * @param target the name pinged (or address when only that is known)
     * @param address the address the target resolved to, empty when unknown
     */
    ProbeSink open(int run, String target, String address);
}
