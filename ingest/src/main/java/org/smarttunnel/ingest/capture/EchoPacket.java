package org.smarttunnel.ingest.capture;

import org.smarttunnel.ingest.probe.Address;
import org.smarttunnel.ingest.probe.EchoMatcher;
import org.smarttunnel.ingest.probe.ProbeSink;

/**
 * The fields of one ICMP or ICMPv6 echo packet that matching needs. Decoders refill one
 * instance per packet so that the fast path allocates nothing.
 */
final class EchoPacket {
    boolean request;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int ident;
    int seq;
    long senderNs = ProbeSink.NO_TIME;

    void setV4(int src, int dst) {
        srcHi = 0;
        srcLo = Address.v4Lo(src);
        dstHi = 0;
        dstLo = Address.v4Lo(dst);
    }

    /** Hands the packet to the matcher, prober first. */
    void deliver(EchoMatcher matcher, long tNs) {
        if (request) {
            matcher.echo(tNs, true, srcHi, srcLo, dstHi, dstLo, ident, seq, ProbeSink.NO_TIME);
        } else {
            matcher.echo(tNs, false, dstHi, dstLo, srcHi, srcLo, ident, seq, senderNs);
        }
    }
}
