package org.smarttunnel.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import picocli.CommandLine.Option;

/** The trace dataset a command reads. */
final class DatasetMixin {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Trace dataset (from 'import').")
    Path data;

    TraceDataset open() throws IOException, IngestException {
        return TraceDataset.open(data);
    }
}
