package org.smarttunnel.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What one shard's task sends back to the driver: its exit status, its error output, and
 * every file it wrote (path relative to its output directory, in name order).
 */
record ShardOutput(int index, int status, String complaints, Map<String, byte[]> files)
        implements Serializable {
}
