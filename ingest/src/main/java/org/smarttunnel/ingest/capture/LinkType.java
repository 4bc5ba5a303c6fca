package org.smarttunnel.ingest.capture;

/** The link-layer header types (tcpdump.org LINKTYPE values) a capture may declare. */
final class LinkType {
    static final int NULL = 0;
    static final int ETHERNET = 1;
    static final int RAW_DLT12 = 12;
    static final int RAW_DLT14 = 14;
    static final int RAW = 101;
    static final int LOOP = 108;
    static final int LINUX_SLL = 113;
    static final int IPV4 = 228;
    static final int IPV6 = 229;
    static final int LINUX_SLL2 = 276;
    static final int C_HDLC = 104;
    static final int IPNET = 226;
    static final int IPOIB = 242;
    static final int DSA_TAG_BRCM = 281;
    static final int DSA_TAG_BRCM_PREPEND = 282;
    static final int DSA_TAG_DSA = 284;
    static final int DSA_TAG_EDSA = 285;

    private LinkType() {
    }

    /** Link types the fast decoder reads itself. */
    static boolean fast(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_DLT12, RAW_DLT14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2, C_HDLC, IPNET, IPOIB,
                    DSA_TAG_BRCM, DSA_TAG_BRCM_PREPEND, DSA_TAG_DSA, DSA_TAG_EDSA -> true;
            default -> false;
        };
    }

    static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback";
            case ETHERNET -> "Ethernet";
            case RAW, RAW_DLT12, RAW_DLT14 -> "raw IP";
            case LOOP -> "OpenBSD loopback";
            case LINUX_SLL -> "Linux cooked (SLL)";
            case IPV4 -> "raw IPv4";
            case IPV6 -> "raw IPv6";
            case LINUX_SLL2 -> "Linux cooked v2 (SLL2)";
            case C_HDLC -> "Cisco HDLC";
            case IPNET -> "Solaris IPNET";
            case IPOIB -> "IP over InfiniBand";
            case DSA_TAG_BRCM -> "Ethernet with a Broadcom switch tag";
            case DSA_TAG_BRCM_PREPEND -> "Ethernet after a Broadcom switch tag";
            case DSA_TAG_DSA -> "Ethernet with a Marvell DSA tag";
            case DSA_TAG_EDSA -> "Ethernet with a Marvell EDSA tag";
            case 9 -> "PPP";
            case 50 -> "PPP serial";
            case 105 -> "IEEE 802.11";
            case 127 -> "IEEE 802.11 radiotap";
            default -> "link type " + linkType;
        };
    }
}
