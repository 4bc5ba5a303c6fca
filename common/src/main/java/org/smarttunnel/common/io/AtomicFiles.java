package org.smarttunnel.common.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the whole new one: into a
 * temporary file beside it, forced to disk, then renamed over it.
 */
public final class AtomicFiles {
    /** What writes the content. */
    public interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target}; a failure names {@code target} and why, never the temporary file. */
    public static void write(Path target, Body body) throws IOException {
        IoErrors.requireNotDirectory(target);
        Path tmp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = temporary(target);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            move(tmp, target);
        } catch (IOException e) {
            throw IoErrors.cannotWrite(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure above is the one to report
                }
            }
        }
    }

    /**
     * A new empty file beside {@code target} for its next content. Unlike
     * {@code Files.createTempFile} it gets the permissions the user's umask gives any file, so
     * that the renamed result is as readable as a file written in place.
     */
    public static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
        for (int attempt = 0;; attempt++) {
            Path tmp = dir.resolve(prefix + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 1000) {
                    throw e;
                }
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    /** A header line and one line per row, atomically. */
    public static void writeLines(Path target, String header, java.util.List<String> lines) throws IOException {
        write(target, w -> {
            w.write(header);
            w.write('\n');
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        });
    }

    /**
     * Puts {@code from}'s content at {@code to} in one rename, keeping {@code from} as well
     * where the file system can link a file twice (a hard link, no copy); elsewhere it is moved.
     */
    public static void linkOrMove(Path from, Path to) throws IOException {
        Path tmp = temporary(to);
        Files.delete(tmp);
        try {
            Files.createLink(tmp, from);
        } catch (UnsupportedOperationException | IOException e) {
            move(from, to);
            return;
        }
        try {
            move(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames atomically where the file system can, else plainly. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
