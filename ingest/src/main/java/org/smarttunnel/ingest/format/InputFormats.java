package org.smarttunnel.ingest.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.registry.Registry;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.capture.CaptureFormat;
import org.smarttunnel.ingest.capture.InputFiles;
import org.smarttunnel.ingest.irtt.IrttFormat;
import org.smarttunnel.ingest.log.FpingFormat;
import org.smarttunnel.ingest.log.PingLogFormat;
import org.smarttunnel.ingest.owamp.OwampFormat;
import org.smarttunnel.ingest.log.ZingFormat;

/**
 * The registry of input formats, in the order detection tries them (formats with a magic
 * number first); {@code import} lists it and {@code --format} chooses from it, "auto" detecting
 * the format from each file's first 64 KiB.
 */
public final class InputFormats {
    /** The choice that detects the format of every file. */
    public static final String AUTO = "auto";
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Registry<InputFormat> REGISTRY = Registry.ordered("input format", Setting.FORMAT,
            InputFormat::id);

    static {
        register(new CaptureFormat());
        register(new ZingFormat());
        register(new PingLogFormat());
        register(new IrttFormat());
        register(new FpingFormat());
        register(new OwampFormat());
    }

    private InputFormats() {
    }

    /** Adds a format (a library user's own), tried after those before it; its id must be new. */
    public static void register(InputFormat f) {
        if (f.id().equals(AUTO)) {
            throw new IllegalArgumentException("'" + AUTO + "' is not a format's id but the choice to detect them");
        }
        REGISTRY.register(f);
    }

    public static List<InputFormat> all() {
        return REGISTRY.all();
    }

    /** A format by id, or empty for "auto". */
    public static Optional<InputFormat> parse(String id) {
        if (id.trim().equals(AUTO)) {
            return Optional.empty();
        }
        if (!REGISTRY.contains(id.trim())) {
            throw new InvalidSettingException(Setting.FORMAT, "must be " + AUTO + " or " + REGISTRY.choices() + ", not '"
                    + id + "'");
        }
        return Optional.of(REGISTRY.byId(id));
    }

    private static String ids() {
        return String.join(", ", all().stream().map(InputFormat::id).toList());
    }

    /** The format of a file, from its first bytes. */
    public static InputFormat detect(Path file, String name) throws IOException, IngestException {
        byte[] bytes = InputFiles.head(file, SNIFF_BYTES);
        if (bytes.length == 0) {
            throw IngestException.atOffset(name, 0, "the file is empty");
        }
        FileHead head = new FileHead(bytes, bytes.length < SNIFF_BYTES);
        for (InputFormat f : all()) {
            if (f.sniff(head)) {
                return f;
            }
        }
        if (head.binary()) {
            throw IngestException.atOffset(name, 0, "in none of the known formats (" + ids() + "): unknown magic "
                    + CaptureFormat.hex(head.first(4)));
        }
        throw IngestException.atLine(name, 1, "in none of the known formats (" + ids()
                + ")");
    }
}
