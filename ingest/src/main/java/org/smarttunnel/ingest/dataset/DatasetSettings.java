package org.smarttunnel.ingest.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.ingest.IngestException;

/**
 * {@code dataset.properties}: the interval length the dataset is cut into ({@code interval_us})
 * and, when recorded, where its traces come from ({@code origin}: "measured with ... at ...",
 * or "simulated: ..."), which reports print. Written by hand as key=value lines (no date
 * comment), so the same dataset gives the same file.
 */
public record DatasetSettings(long intervalUs, Optional<String> origin) {
    public static final String FILE = "dataset.properties";
    static final String INTERVAL_KEY = "interval_us";
    static final String ORIGIN_KEY = "origin";

    public DatasetSettings {
        origin = origin.map(String::strip).filter(s -> !s.isEmpty());
        if (origin.isPresent() && origin.get().chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("a dataset's origin is one line of text");
        }
    }

    static DatasetSettings read(Path dir) throws IOException, IngestException {
        Path settings = dir.resolve(FILE);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(settings)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw IngestException.inFile(settings.toString(), "missing; the dataset is incomplete");
        }
        long intervalUs;
        try {
            intervalUs = Long.parseLong(p.getProperty(INTERVAL_KEY, ""));
        } catch (NumberFormatException e) {
            throw IngestException.inFile(settings.toString(), INTERVAL_KEY + " is not a number of microseconds");
        }
        if (intervalUs < org.smarttunnel.common.options.Limits.MIN_INTERVAL_US
                || intervalUs > org.smarttunnel.common.options.Limits.MAX_INTERVAL_US) {
            throw IngestException.inFile(settings.toString(), INTERVAL_KEY + " " + intervalUs
                    + " lies outside 100 ms to 7 days");
        }
        try {
            return new DatasetSettings(intervalUs, Optional.ofNullable(p.getProperty(ORIGIN_KEY)));
        } catch (IllegalArgumentException e) {
            throw IngestException.inFile(settings.toString(), e.getMessage());
        }
    }

    void write(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of(INTERVAL_KEY + "=" + intervalUs));
        origin.ifPresent(o -> lines.add(ORIGIN_KEY + "=" + escape(o)));
        AtomicFiles.writeLines(dir.resolve(FILE), "# smarttunnel trace dataset", lines);
    }

    /** These settings with traces of {@code added} origin joined: both named when they differ. */
    DatasetSettings with(Optional<String> added) {
        Optional<String> joined = added.isEmpty() || origin.equals(added) ? origin
                : origin.isEmpty() ? added : Optional.of(origin.get() + "; " + added.get());
        return new DatasetSettings(intervalUs, joined);
    }

    /** Properties escaping: backslashes, and anything outside printable ASCII as a unicode escape. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (i == 0 && (c == ' ' || c == '#' || c == '!')) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
