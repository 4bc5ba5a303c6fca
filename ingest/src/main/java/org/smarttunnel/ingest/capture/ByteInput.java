package org.smarttunnel.ingest.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A large reusable buffer over a stream, with the byte offset of every position, so that
 * container readers parse records in place without copying or allocating per packet.
 */
final class ByteInput implements Closeable {
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long base;
    private boolean eof;

    ByteInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /**
     * Makes {@code n} bytes available from the current position, reading as needed.
     * Returns false at end of input, when fewer than {@code n} bytes remain.
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            base += pos;
            pos = 0;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    /** Bytes available without reading further (valid after {@link #ensure} returned false). */
    int available() {
        return limit - pos;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    void skip(int n) {
        pos += n;
    }

    /** Byte offset in the (decompressed) input of the current position. */
    long offset() {
        return base + pos;
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at, boolean bigEndian) {
        return (bigEndian ? (short) BE16.get(b, at) : (short) LE16.get(b, at)) & 0xFFFF;
    }

    static int u16be(byte[] b, int at) {
        return (short) BE16.get(b, at) & 0xFFFF;
    }

    static int i32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (int) BE32.get(b, at) : (int) LE32.get(b, at);
    }

    static int i32be(byte[] b, int at) {
        return (int) BE32.get(b, at);
    }

    static int i32le(byte[] b, int at) {
        return (int) LE32.get(b, at);
    }

    static long u32(byte[] b, int at, boolean bigEndian) {
        return i32(b, at, bigEndian) & 0xFFFFFFFFL;
    }

    static long i64be(byte[] b, int at) {
        return (long) BE64.get(b, at);
    }

    static long i64le(byte[] b, int at) {
        return (long) LE64.get(b, at);
    }

    static long i64(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (long) BE64.get(b, at) : (long) LE64.get(b, at);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
