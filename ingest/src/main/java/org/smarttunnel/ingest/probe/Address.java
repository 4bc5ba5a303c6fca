package org.smarttunnel.ingest.probe;

/**
 * An IPv4 or IPv6 address as 128 bits; IPv4 addresses are stored IPv4-mapped
 * ({@code ::ffff:a.b.c.d}) so both families share one key type.
 */
public record Address(long hi, long lo) {
    private static final long V4_MAPPED = 0xFFFFL << 32;

    public static Address ipv4(int addr) {
        return new Address(0L, V4_MAPPED | (addr & 0xFFFFFFFFL));
    }

    public static long v4Lo(int addr) {
        return V4_MAPPED | (addr & 0xFFFFFFFFL);
    }

    public boolean isV4() {
        return hi == 0L && (lo & 0xFFFFFFFF00000000L) == V4_MAPPED;
    }

    /** Dotted quad for IPv4, RFC 5952 text (longest zero run compressed) for IPv6. */
    @Override
    public String toString() {
        if (isV4()) {
            int a = (int) lo;
            return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
        }
        int[] groups = new int[8];
        for (int g = 0; g < 4; g++) {
            groups[g] = (int) (hi >>> (48 - 16 * g)) & 0xFFFF;
            groups[g + 4] = (int) (lo >>> (48 - 16 * g)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int end = g;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - g > bestLen) {
                bestStart = g;
                bestLen = end - g;
            }
            g = end;
        }
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[g]));
        }
        return sb.toString();
    }
}
