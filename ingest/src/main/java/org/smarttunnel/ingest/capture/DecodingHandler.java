package org.smarttunnel.ingest.capture;

import org.smarttunnel.ingest.probe.EchoMatcher;

/** Decodes frames (fast path first, pcap4j for the rest) and passes echoes to the matcher. */
final class DecodingHandler implements FrameHandler {
    private final EchoPacket packet = new EchoPacket();
    private final FrameDecoder fast = new FrameDecoder(packet);
    private final Pcap4jDecoder reference = new Pcap4jDecoder(packet);
    private final boolean referenceOnly;
    private final EchoMatcher matcher;
    final CaptureStats.Tally tally = new CaptureStats.Tally();

    /** With a null matcher, frames are decoded and counted only (the benchmark's scan). */
    DecodingHandler(CaptureReader reader, EchoMatcher matcher) {
        this.referenceOnly = reader == CaptureReader.PCAP4J;
        this.matcher = matcher;
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
            packet.deliver(matcher, tNs);
        }
    }

    @Override
    public void at(long offset) {
        if (matcher != null) {
            matcher.at(offset);
        }
    }

    @Override
    public void skipped() {
        tally.frames++;
        tally.skipped++;
    }
}
