package org.smarttunnel.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smarttunnel.ingest.capture.InputFiles;
import org.smarttunnel.ingest.log.PingLogParser;
import org.smarttunnel.ingest.log.ZingParser;

/** The input formats {@code import} reads; AUTO decides by content (magic number, then text). */
public enum InputFormat {
    AUTO, PCAP, PINGLOG, ZING;

    private static final int SNIFF_BYTES = 64 * 1024;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** auto, pcap, pinglog or zing. */
    public static InputFormat parse(String text) {
        for (InputFormat f : values()) {
            if (f.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new org.smarttunnel.common.options.InvalidSettingException(
                org.smarttunnel.common.options.Setting.FORMAT, "must be auto, pcap, pinglog or zing, not '" + text + "'");
    }

    /** Detects the format of a file from its (decompressed) first 64 KiB. */
    public static InputFormat detect(Path file, String name) throws IOException, IngestException {
        byte[] head = InputFiles.head(file, SNIFF_BYTES);
        if (InputFiles.looksLikeCapture(head)) {
            return PCAP;
        }
        if (head.length == 0) {
            throw IngestException.atOffset(name, 0, "the file is empty");
        }
        for (int i = 0; i < Math.min(head.length, 512); i++) {
            if (head[i] == 0) {
                throw IngestException.atOffset(name, 0, "not a capture or log: unknown magic "
                        + String.format(Locale.ROOT, "0x%02x%02x%02x%02x", head[0], head.length > 1 ? head[1] : 0,
                        head.length > 2 ? head[2] : 0, head.length > 3 ? head[3] : 0));
            }
        }
        List<String> lines = Arrays.asList(new String(head, StandardCharsets.UTF_8).split("\r?\n"));
        if (lines.size() > 1 && head.length == SNIFF_BYTES) {
            lines = lines.subList(0, lines.size() - 1);
        }
        if (ZingParser.looksLikeZing(lines)) {
            return ZING;
        }
        if (PingLogParser.looksLikePing(lines)) {
            return PINGLOG;
        }
        throw IngestException.atLine(name, 1, "neither a capture (no pcap/pcapng magic) nor a ping or zing log");
    }
}
