package org.smarttunnel.ingest.log;

/**
 * A time found at the start of a log line: ns since the epoch, and whether it is precise
 * (sub-second) or only names the second in which the line was written.
 */
record LineTime(long ns, boolean precise) {
}
