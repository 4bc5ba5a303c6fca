package org.smarttunnel.ingest.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.testing.RealData;
import org.smarttunnel.ingest.trace.Trace;

/**
 * The four real macOS ping logs: runs, probes, losses and late replies as counted straight
 * from the text, send times anchored to the banners (IST = UTC+05:30).
 */
class RealPingLogsTest {
    private static final Pattern REPLY = Pattern.compile("icmp_seq=(\\d+) ");
    private static final Pattern TIMEOUT = Pattern.compile("Request timeout for icmp_seq (\\d+)");
    private static final DateTimeFormatter BANNER =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'IST' yyyy", Locale.ROOT);

    /** One run as the text tells it. */
    record Counted(TreeSet<Integer> replies, TreeSet<Integer> timeouts, long bannerUs) {
        int probes() {
            int max = Math.max(replies.isEmpty() ? -1 : replies.last(), timeouts.isEmpty() ? -1 : timeouts.last());
            return max + 1;
        }

        long late() {
            return timeouts.stream().filter(replies::contains).count();
        }
    }

    static List<Counted> count(Path file) throws IOException {
        List<Counted> runs = new ArrayList<>();
        Counted cur = null;
        boolean expectDate = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("PING STARTED")) {
                cur = new Counted(new TreeSet<>(), new TreeSet<>(), 0);
                runs.add(cur);
                expectDate = true;
                continue;
            }
            if (expectDate && line.matches("\\w{3} \\w{3} +\\d+ .* IST \\d{4}")) {
                long us = LocalDateTime.parse(line.replaceAll(" +", " "), BANNER)
                        .toEpochSecond(ZoneOffset.ofHoursMinutes(5, 30)) * 1_000_000L;
                runs.set(runs.size() - 1, cur = new Counted(cur.replies, cur.timeouts, us));
                expectDate = false;
                continue;
            }
            Matcher m = TIMEOUT.matcher(line);
            if (m.find()) {
                cur.timeouts.add(Integer.parseInt(m.group(1)));
                continue;
            }
            m = REPLY.matcher(line);
            if (m.find()) {
                cur.replies.add(Integer.parseInt(m.group(1)));
            }
        }
        return runs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-12sep.txt", "google-26apr.txt", "umsf-12sep.txt", "umsf-26apr.txt"})
    void runsProbesLossesAndLateRepliesMatchTheText(String name) throws IOException, IngestException {
        Path file = RealData.requirePingLogs().resolve(name);
        List<Counted> expected = count(file);
        LogHarness h = LogHarness.parse(file, 1_000_000_000L, -1, Optional.empty());
        assertTrue(h.diagnostics.isEmpty(), h.diagnostics::toString);
        assertEquals(expected.size(), h.traces.size(), "runs");
        long late = 0;
        for (int r = 0; r < expected.size(); r++) {
            Counted c = expected.get(r);
            Trace t = h.traces.get(r);
            assertEquals(c.probes(), t.size(), name + " run " + (r + 1) + " probes");
            assertEquals(c.probes() - c.replies().size(), t.loss().lossCount(), name + " run " + (r + 1) + " lost");
            for (int seq : c.replies()) {
                assertTrue(!t.lost(seq), name + " run " + (r + 1) + ": seq " + seq + " replied, so received");
            }
            late += c.late();
            long offset = t.sendUs(0) - c.bannerUs();
            if (name.contains("26apr")) {
                assertEquals(0, offset, "no stamps: the run starts at its banner date");
            } else {
                assertTrue(Math.abs(offset) < 1_500_000, name + " run " + (r + 1) + ": first send " + offset
                        + " us from the banner");
            }
        }
        assertTrue(late > 0, "the logs hold replies after their timeout line, and they count as received");
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-12sep.txt", "umsf-12sep.txt"})
    void stampedLogsRecoverThePingSpacing(String name) throws IOException, IngestException {
        Path file = RealData.requirePingLogs().resolve(name);
        Trace longest = LogHarness.parse(file, 1_000_000_000L, -1, Optional.empty()).traces.stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        double spacingUs = (double) (longest.sendUs(longest.size() - 1) - longest.sendUs(0)) / (longest.size() - 1);
        assertEquals(1_003_600, spacingUs, 1_000, "macOS ping on that machine sent every ~1.0036 s");
    }
}
