package org.smarttunnel.ingest.testing;

import java.util.function.Function;

/** Turns an echo event into a link-layer frame of a given kind. */
public final class Frames {
    private Frames() {
    }

    /** The IP packet of an event; replies carry the iputils timestamp when asked. */
    public static byte[] ip(EchoRun.Event e, boolean payloadTimestamp) {
        EchoRun r = e.run();
        long sendNs = r.sendNs[e.probe()];
        byte[] payload = payloadTimestamp ? Packets.iputilsPayload(sendNs, 56) : Packets.zeros(56);
        if (r.ipv6()) {
            byte[] icmp = Packets.echo(e.request() ? 128 : 129, r.ident, e.seq(), payload);
            return e.request() ? Packets.ipv6(r.src6, r.dst6, new int[0][], 58, icmp)
                    : Packets.ipv6(r.dst6, r.src6, new int[0][], 58, icmp);
        }
        byte[] icmp = Packets.echo(e.request() ? 8 : 0, r.ident, e.seq(), payload);
        return e.request() ? Packets.ipv4(r.src, r.dst, 1, icmp) : Packets.ipv4(r.dst, r.src, 1, icmp);
    }

    public static Function<EchoRun.Event, byte[]> ethernet(boolean payloadTimestamp) {
        return e -> Packets.ethernet(e.run().ipv6() ? Packets.ETH_IPV6 : Packets.ETH_IPV4, ip(e, payloadTimestamp));
    }

    public static Function<EchoRun.Event, byte[]> raw(boolean payloadTimestamp) {
        return e -> ip(e, payloadTimestamp);
    }
}
