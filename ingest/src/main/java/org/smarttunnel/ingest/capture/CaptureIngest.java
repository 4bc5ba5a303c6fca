package org.smarttunnel.ingest.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.probe.EchoMatcher;
import org.smarttunnel.ingest.probe.Address;
import org.smarttunnel.ingest.probe.MatchStats;
import org.smarttunnel.ingest.probe.ProbeSink;
import org.smarttunnel.ingest.probe.RunKey;

/** Reads one capture with the chosen reader and matches its echoes into runs. */
public final class CaptureIngest {
    private final CaptureReader reader;
    private final EchoMatcher matcher;
    private final DecodingHandler handler;
    private final Decap decap;
    private String container = "capture";

    /** Opens the sink of a run seen through a tunnel (its endpoints, the prober's side first). */
    public interface TunnelRunListener {
        ProbeSink open(Address proberSide, Address targetSide, RunKey key, int part);
    }

    public CaptureIngest(CaptureReader reader, long timeoutNs, EchoMatcher.RunListener listener) {
        this(reader, timeoutNs, Decap.INNER, listener, (a, b, key, part) -> listener.open(key, part));
    }

    /** With tunnelled probes' paths named as {@code decap} says, their tunnels' runs opened by {@code viaTunnel}. */
    public CaptureIngest(CaptureReader reader, long timeoutNs, Decap decap, EchoMatcher.RunListener listener,
            TunnelRunListener viaTunnel) {
        this.reader = reader;
        this.decap = decap;
        this.matcher = new EchoMatcher(timeoutNs, listener);
        this.handler = new DecodingHandler(reader, matcher, decap, t -> new EchoMatcher(timeoutNs,
                (key, part) -> viaTunnel.open(t.proberSide(), t.targetSide(), key, part)));
    }

    /**
     * Reads the whole capture. Whatever was read before a failure stays matched: every run is
     * flushed to its sink before this returns or throws.
     */
    public void read(Path file, String name, List<Diagnostic> diagnostics) throws IOException, IngestException {
        try {
            byte[] head = InputFiles.head(file, 4);
            if (InputFiles.looksLikeCapture(head)) {
                container = head[0] == 0x0A ? "pcapng" : "pcap";
            }
            dispatch(file, name, reader, handler, diagnostics);
        } finally {
            matcher.finish();
            for (EchoMatcher m : handler.tunnels.values()) {
                m.finish();
            }
        }
    }

    /** Reads and decodes a capture without matching (how fast the reader itself is); returns the counts. */
    public static CaptureStats scan(Path file, String name, CaptureReader reader, List<Diagnostic> diagnostics)
            throws IOException, IngestException {
        DecodingHandler handler = new DecodingHandler(reader, null);
        dispatch(file, name, reader, handler, diagnostics);
        return handler.tally.snapshot();
    }

    /** Hands the file to the container reader it needs. */
    private static void dispatch(Path file, String name, CaptureReader reader, DecodingHandler handler,
            List<Diagnostic> diagnostics) throws IOException, IngestException {
        byte[] head = InputFiles.head(file, 4);
        if (!InputFiles.looksLikeCapture(head)) {
            throw IngestException.atOffset(name, 0, "not a pcap or pcapng capture (magic " + hex(head) + ")");
        }
        boolean pcapng = head[0] == 0x0A;
        if (reader == CaptureReader.PCAP4J) {
            Pcap4jReader.read(file, name, handler, diagnostics);
        } else {
            try (ByteInput in = new ByteInput(InputFiles.open(file, name, diagnostics), 1 << 20)) {
                if (pcapng) {
                    PcapngReader.read(in, name, handler, diagnostics);
                } else {
                    PcapReader.read(in, name, handler, diagnostics);
                }
            }
        }
    }

    /** "pcap" or "pcapng" once read. */
    public String container() {
        return container;
    }

    public CaptureStats captureStats() {
        return handler.tally.snapshot();
    }

    /**
     * What the matchers saw: with {@link Decap#OUTER} every echo went to one matcher and their
     * counts add up; with {@link Decap#BOTH} the probes' own matcher saw every echo and its counts
     * stand for all.
     */
    public MatchStats matchStats() {
        MatchStats s = matcher.stats();
        if (decap == Decap.OUTER) {
            for (EchoMatcher m : handler.tunnels.values()) {
                s = s.plus(m.stats());
            }
        }
        return s;
    }

    static String hex(byte[] head) {
        if (head.length == 0) {
            return "none: the file is empty";
        }
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : head) {
            sb.append(String.format(Locale.ROOT, "%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
