package org.smarttunnel.ingest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Directory trees for tests that compare a directory before and after something happened to it. */
public final class DirectoryTrees {
    private DirectoryTrees() {
    }

    /** Copies the tree at {@code from} to {@code to} (which must not exist yet); returns {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
        return to;
    }

    /**
     * Every entry under {@code dir} by relative path: a file's text, "(directory)" for a
     * directory; lock files ({@code .lock}, whose presence says nothing) left out.
     */
    public static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString();
                if (!rel.isEmpty() && !p.getFileName().toString().equals(".lock")) {
                    files.put(rel, Files.isDirectory(p) ? "(directory)" : Files.readString(p));
                }
            }
        }
        return files;
    }
}
