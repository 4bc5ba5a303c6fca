package org.smarttunnel.ingest.format;

import java.nio.file.Path;
import org.smarttunnel.ingest.TraceIds;

/** A file to import and the name messages give it (as the user wrote it). */
public record InputFile(Path path, String name) {
    /** The file name without directory and the usual extensions: a default label. */
    public String stem() {
        return TraceIds.stem(path);
    }
}
