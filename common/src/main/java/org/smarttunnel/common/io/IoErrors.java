package org.smarttunnel.common.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * I/O failures told the way a user can act on them: what failed, on the path the user gave
 * (never a temporary name), and why ("permission denied", "is a directory", "No space left
 * on device"). Java's own messages are often a bare path.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** An I/O failure whose message is already written for the user. */
    public static final class Explained extends IOException {
        private static final long serialVersionUID = 1L;

        public Explained(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Why {@code e} happened, in a few words. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** "cannot write TARGET: why", unless {@code e} already says what failed. */
    public static IOException cannotWrite(Path target, IOException e) {
        if (e instanceof Explained) {
            return e;
        }
        return new Explained("cannot write " + target + ": " + reason(e), e);
    }

    /** The message for a failure that reached the command line. */
    public static String describe(IOException e) {
        if (e instanceof Explained) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(e);
        }
        return reason(e);
    }

    /** Fails when {@code target} is a directory: a file is to be written there. */
    public static void requireNotDirectory(Path target) throws IOException {
        if (java.nio.file.Files.isDirectory(target)) {
            throw new Explained("cannot write " + target + ": is a directory", null);
        }
    }

    /** Fails when {@code dir} exists and is not a directory: files are to be written into it. */
    public static void requireDirectoryOrAbsent(Path dir) throws IOException {
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new Explained("cannot write into " + dir + ": it is a file, not a directory", null);
        }
    }
}
