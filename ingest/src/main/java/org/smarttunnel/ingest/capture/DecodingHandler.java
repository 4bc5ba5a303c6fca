package org.smarttunnel.ingest.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.smarttunnel.ingest.probe.EchoMatcher;

/**
 * Decodes frames (fast path first, pcap4j for the rest) and passes echoes to the matcher; with
 * {@link Decap#OUTER} or {@link Decap#BOTH}, a tunnelled echo to its tunnel's matcher too (only
 * there with OUTER).
 */
final class DecodingHandler implements FrameHandler {
    private final EchoPacket packet = new EchoPacket();
    private final FrameDecoder fast = new FrameDecoder(packet);
    private final Pcap4jDecoder reference = new Pcap4jDecoder(packet);
    private final boolean referenceOnly;
    private final EchoMatcher matcher;
    private final Decap decap;
    private final Function<EchoPacket.Tunnel, EchoMatcher> tunnelMatcher;
    /** The tunnels' matchers in the order their first echo came. */
    final Map<EchoPacket.Tunnel, EchoMatcher> tunnels = new LinkedHashMap<>();
    final CaptureStats.Tally tally = new CaptureStats.Tally();

    /** With a null matcher, frames are decoded and counted only (the benchmark's scan). */
    DecodingHandler(CaptureReader reader, EchoMatcher matcher) {
        this(reader, matcher, Decap.INNER, t -> matcher);
    }

    DecodingHandler(CaptureReader reader, EchoMatcher matcher, Decap decap,
            Function<EchoPacket.Tunnel, EchoMatcher> tunnelMatcher) {
        this.referenceOnly = reader == CaptureReader.PCAP4J;
        this.matcher = matcher;
        this.decap = decap;
        this.tunnelMatcher = tunnelMatcher;
    }

    @Override
    public boolean supports(int linkType) {
        return Pcap4jDecoder.knows(linkType);
    }

    @Override
    public void frame(int linkType, long tNs, byte[] b, int off, int len) {
        Decoded d = !referenceOnly && LinkType.fast(linkType)
                ? fast.decode(linkType, b, off, len, tNs)
                : reference.decode(linkType, b, off, len, tNs);
        tally.count(d, packet.request);
        if (d == Decoded.ECHO && matcher != null) {
            if (packet.tunnelled && decap != Decap.INNER) {
                packet.deliver(tunnels.computeIfAbsent(packet.tunnel(), tunnelMatcher), tNs);
                if (decap == Decap.BOTH) {
                    packet.deliver(matcher, tNs);
                }
            } else {
                packet.deliver(matcher, tNs);
            }
        }
    }

    @Override
    public void at(long offset) {
        if (matcher != null) {
            matcher.at(offset);
            for (EchoMatcher m : tunnels.values()) {
                m.at(offset);
            }
        }
    }

    @Override
    public void skipped() {
        tally.frames++;
        tally.skipped++;
    }
}
