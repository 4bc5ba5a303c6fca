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
    /** Whether the packet came inside a tunnel; then the outermost IP header's addresses. */
    boolean tunnelled;
    long outerSrcHi;
    long outerSrcLo;
    long outerDstHi;
    long outerDstLo;

    /** The IPv4 header at hand is the outermost of a tunnel. */
    void enterV4(int src, int dst) {
        if (!tunnelled) {
            tunnelled = true;
            outerSrcHi = 0;
            outerSrcLo = Address.v4Lo(src);
            outerDstHi = 0;
            outerDstLo = Address.v4Lo(dst);
        }
    }

    /** The IPv6 header just read into src and dst is the outermost of a tunnel. */
    void enterV6() {
        if (!tunnelled) {
            tunnelled = true;
            outerSrcHi = srcHi;
            outerSrcLo = srcLo;
            outerDstHi = dstHi;
            outerDstLo = dstLo;
        }
    }

    /** The tunnel's endpoints, the prober's side first (a reply travels from the target's side). */
    Tunnel tunnel() {
        Address src = new Address(outerSrcHi, outerSrcLo);
        Address dst = new Address(outerDstHi, outerDstLo);
        return request ? new Tunnel(src, dst) : new Tunnel(dst, src);
    }

    /** A tunnel between two endpoints, the prober's side first. */
    record Tunnel(Address proberSide, Address targetSide) {
    }

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
