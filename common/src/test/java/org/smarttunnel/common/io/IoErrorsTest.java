package org.smarttunnel.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void reasonsAreWordsNotBarePaths() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("/x")));
        assertEquals("is a directory", IoErrors.reason(new FileSystemException("/a", "/b", "Is a directory")));
        assertEquals("No space left on device", IoErrors.reason(new IOException("No space left on device")));
        assertEquals("/x: permission denied", IoErrors.describe(new AccessDeniedException("/x")));
    }

    /** A write that fails names the user's file and why, never the temporary file beside it. */
    @Test
    void failedWritesNameTheTargetAndLeaveNothingBehind() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> w.write("x")));
        assertEquals("cannot write " + target + ": is a directory", e.getMessage());
        Path file = dir.resolve("f.csv");
        IOException body = assertThrows(IOException.class, () -> AtomicFiles.write(file, w -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", body.getMessage());
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "only the directory 'out' is left: no temporary file");
        }
        Path aFile = Files.writeString(dir.resolve("plain"), "");
        assertEquals("cannot write into " + aFile + ": it is a file, not a directory",
                assertThrows(IOException.class, () -> IoErrors.requireDirectoryOrAbsent(aFile)).getMessage());
    }

    /** Staging directories and temporary files of processes no longer running go; a live one's stay. */
    @Test
    void staleEntriesOfDeadProcessesAreRemoved() throws IOException {
        long dead = deadPid();
        long live = ProcessHandle.current().pid();
        Path deadStaging = Files.createDirectories(dir.resolve(".evaluate-" + dead + "-17").resolve("inner"));
        Path deadTmp = Files.writeString(dir.resolve(".report.md." + dead + "-3.tmp"), "half");
        Path liveStaging = Files.createDirectory(dir.resolve(".evaluate-" + live + "-18"));
        Path user = Files.writeString(dir.resolve(".report.md.notes.tmp"), "mine");
        Path report = Files.writeString(dir.resolve("report.md"), "done");
        assertEquals(2, FileTrees.removeStale(dir));
        assertFalse(Files.exists(deadStaging.getParent()));
        assertFalse(Files.exists(deadTmp));
        assertTrue(Files.exists(liveStaging));
        assertTrue(Files.exists(user));
        assertTrue(Files.exists(report));
    }

    /** A process id no process has now: that of a child that has ended. */
    private static long deadPid() throws IOException {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            long pid = p.pid();
            return ProcessHandle.of(pid).isPresent() ? Long.MAX_VALUE / 2 : pid;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
