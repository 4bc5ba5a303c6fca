package org.smarttunnel.ingest.capture;

/** What a decoder made of one frame. */
enum Decoded {
    /** An ICMP/ICMPv6 echo request or reply; the {@link EchoPacket} holds it. */
    ECHO,
    /** Anything else: other protocols, other ICMP types, later fragments. */
    OTHER,
    /** Cut off (snap length) before the echo header could be read. */
    SHORT
}
