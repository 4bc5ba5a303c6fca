package org.smarttunnel.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a file, kept by one process at a time (the operating system releases it
 * when the process dies, however it dies): two writers of one directory keep apart by it.
 */
public final class LockFile implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code file} (created if needed), or empty while another holder, in this process or another, has it. */
    public static Optional<LockFile> tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new LockFile(channel, lock));
    }

    /** Whether the lock is still held (not yet closed). */
    public boolean held() {
        return channel.isOpen();
    }

    /** Releases the lock; nothing happens the second time. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
