package org.smarttunnel.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Makes a dataset and the run's input files readable as local paths on whichever machine a
 * task runs. A plain path (or a {@code file:} URI) is used as it is: on one machine, or on a
 * file system every executor mounts at the same place (NFS). A dataset named by any other
 * Hadoop-compatible URI ({@code hdfs://}, {@code s3a://} ...) is copied once per machine into
 * the temporary directory, each file keeping its modification time — a dataset's identity
 * includes them, so every copy is the same dataset to the shards' merge.
 */
final class Localizer {
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private Localizer() {
    }

    /** True when {@code location} names a local path (no scheme, or {@code file:}). */
    static boolean local(String location) {
        String scheme = scheme(location);
        return scheme == null || scheme.equals("file");
    }

    private static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon <= 1 || !location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return null; // a plain path (also C:\... on Windows)
        }
        return location.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    /** The dataset at {@code location} as a local directory. */
    static Path dataset(String location) throws IOException {
        if (local(location)) {
            return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        }
        Path known = COPIES.get(location);
        if (known != null) {
            return known;
        }
        synchronized (COPIES) {
            known = COPIES.get(location);
            if (known != null) {
                return known;
            }
            Path target = copy(location, Path.of(System.getProperty("java.io.tmpdir"), "smarttunnel-spark-data"));
            COPIES.put(location, target);
            return target;
        }
    }

    /**
     * The dataset at the URI {@code location} copied under {@code root}, in a directory named by
     * the digest of the URI and of its files' names, sizes and times (a changed dataset is copied
     * anew), made whole before it appears; an existing copy is used as it is.
     */
    static Path copy(String location, Path root) throws IOException {
        URI uri = URI.create(location);
        FileSystem fs = FileSystem.get(uri, new Configuration());
        org.apache.hadoop.fs.Path base = fs.makeQualified(new org.apache.hadoop.fs.Path(uri));
        String prefix = base.toUri().getPath().replaceAll("/+$", "") + "/";
        java.util.SortedMap<String, FileStatus> listing = new java.util.TreeMap<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(base, true);
        while (files.hasNext()) {
            FileStatus f = files.next();
            String path = f.getPath().toUri().getPath();
            if (!path.startsWith(prefix)) {
                throw new IOException(location + ": listed " + path + ", which is not inside it");
            }
            listing.put(path.substring(prefix.length()), f);
        }
        StringBuilder identity = new StringBuilder(location).append('\n');
        listing.forEach((name, f) -> identity.append(name).append(' ').append(f.getLen()).append(' ')
                .append(f.getModificationTime()).append('\n'));
        Path target = root.resolve(digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(root);
        Path partial = Files.createTempDirectory(root, "copy");
        for (var e : listing.entrySet()) {
            Path local = partial.resolve(e.getKey());
            Files.createDirectories(local.getParent());
            fs.copyToLocalFile(false, e.getValue().getPath(), new org.apache.hadoop.fs.Path(local.toUri()), true);
            Files.setLastModifiedTime(local, FileTime.fromMillis(e.getValue().getModificationTime()));
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            // another JVM on this machine finished the same copy first: use it
            org.smarttunnel.common.io.FileTrees.delete(partial);
        }
        return target;
    }

    /**
     * An input file's bytes written where every machine writes them — the temporary directory,
     * under their digest, with the original name — so that every shard and the merge name the
     * same path.
     */
    static Path inputFile(String name, byte[] content) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "smarttunnel-spark-inputs", digest(content));
        Path file = dir.resolve(Path.of(name).getFileName().toString());
        if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "input", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }

    /** The first 24 hex digits of the SHA-256 of {@code bytes}: a directory name. */
    static String digest(byte[] bytes) {
        return org.smarttunnel.eval.experiment.Experiment.sha256(bytes).substring(0, 24);
    }
}
