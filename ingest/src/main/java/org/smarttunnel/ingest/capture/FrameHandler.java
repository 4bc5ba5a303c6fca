package org.smarttunnel.ingest.capture;

/** Receives the frames a container reader finds, in file order. */
interface FrameHandler {
    /** Whether frames of this link type can be decoded at all. */
    boolean supports(int linkType);

    /** One frame: its link type, capture time in ns since the epoch, bytes {@code b[off, off+len)}. */
    void frame(int linkType, long tNs, byte[] b, int off, int len);

    /** Where the next frame's record starts in the (decompressed) file, for messages about it. */
    default void at(long offset) {
    }

    /** A frame the container holds but cannot be used (no timestamp, undecodable interface). */
    void skipped();
}
