package org.smarttunnel.ingest.testing;

import java.io.ByteArrayOutputStream;

/** A growable byte buffer with explicit byte order, for building fixtures by hand. */
public final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    public Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public static Bytes be() {
        return new Bytes(true);
    }

    public Bytes u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    public Bytes u16(int v) {
        return bigEndian ? u8(v >>> 8).u8(v) : u8(v).u8(v >>> 8);
    }

    public Bytes u32(long v) {
        return bigEndian ? u16((int) (v >>> 16)).u16((int) v) : u16((int) v).u16((int) (v >>> 16));
    }

    public Bytes u64(long v) {
        return bigEndian ? u32(v >>> 32).u32(v) : u32(v).u32(v >>> 32);
    }

    public Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public Bytes zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    public Bytes padTo4() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toArray() {
        return out.toByteArray();
    }
}
