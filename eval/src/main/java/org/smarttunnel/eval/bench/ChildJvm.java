package org.smarttunnel.eval.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark worker's {@code main} in a fresh JVM (this one's java and class path, and its
 * heap, young generation, collector and inlining settings — the launcher's defaults — before the benchmark's
 * own options), so
 * that its time and peak memory are its own; returns the lines it printed starting with
 * {@code RESULT }, and fails with everything else it printed when it fails or reports nothing.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> results(Class<?> worker, List<String> jvmOptions, List<String> args, String what)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xmn") || a.matches("-XX:[+-]Use\\w*GC")
                    || a.matches("-XX:\\w*Inline\\w*=\\d+") || a.matches("-XX:(NewRatio|\\w*NewSize)=\\w+")) {
                cmd.add(a);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(worker.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                (line.startsWith("RESULT ") ? results : other).add(line);
            }
        }
        if (p.waitFor() != 0 || results.isEmpty()) {
            throw new IOException(what + " failed: " + String.join(" | ", other));
        }
        return results;
    }
}
