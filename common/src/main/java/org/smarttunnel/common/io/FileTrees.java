package org.smarttunnel.common.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory tree (staging areas, benchmark work directories). */
public final class FileTrees {
    private FileTrees() {
    }

    /** What the toolkit's own temporary entries are named: a staging directory or a file's next content. */
    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile(
            "^\\.(?:(?:evaluate|congestion)-(\\d+)-\\d+|.+\\.(\\d+)-\\d+\\.tmp)$");

    /**
     * Removes from {@code dir} the staging directories and temporary files (hidden, named with
     * the writing process's id) that a process no longer running left behind — a run killed
     * before it could clean up. Anything of a live process, and anything else, stays.
     *
     * @return how many entries were removed
     */
    public static int removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.util.List<Path> stale = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> {
                java.util.regex.Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        stale.add(p);
                    }
                }
            });
        }
        for (Path p : stale) {
            delete(p);
        }
        return stale.size();
    }

    /** Deletes {@code root} and everything below it; nothing happens if it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
