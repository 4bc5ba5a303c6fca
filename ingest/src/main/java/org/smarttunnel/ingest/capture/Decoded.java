package org.smarttunnel.ingest.capture;

/** What a decoder made of one frame. */
enum Decoded {
    /** An ICMP/ICMPv6 echo request or reply; the {@link EchoPacket} holds it. */
    ECHO,
    /** IP without an echo in it: other protocols, other ICMP types, tunnels not read. */
    OTHER,
    /** Not IP at all (ARP, LLDP, a PPP control frame ...). */
    NOT_IP,
    /** A later fragment of an IP packet (only first fragments hold the echo header). */
    FRAGMENT,
    /** Cut off (snap length) before the echo header could be read. */
    SHORT
}
