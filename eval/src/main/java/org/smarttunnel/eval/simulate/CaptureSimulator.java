package org.smarttunnel.eval.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.smarttunnel.ingest.capture.EchoFrames;
import org.smarttunnel.ingest.capture.PcapWriter;

/**
 * Writes real pcap captures of simulated ping runs: one capture per host holding all its
 * sites interleaved in time order, as tcpdump on that host would record them, plus
 * {@code truth.csv} with every path's parameters and realised counts. Host h probes from
 * 10.1.h.1; site s answers at 198.18.s.1 under ICMP identifier 0x4000 + s.
 */
public final class CaptureSimulator {
    public static final String TRUTH = "truth.csv";

    /** A simulated path and what it realised. */
    public record PathTruth(int host, int site, String src, String dst, int ident, PathParams params, long probes,
            long lost) {
    }

    public record Result(List<Path> captures, List<PathTruth> paths, long packets) {
    }

    private CaptureSimulator() {
    }

    public static int hostAddress(int host) {
        return (10 << 24) | (1 << 16) | (host << 8) | 1;
    }

    public static int siteAddress(int site) {
        return (198 << 24) | (18 << 16) | (site << 8) | 1;
    }

    public static String dotted(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    public static Result write(SimulationOptions o, Path dir) throws IOException {
        Files.createDirectories(dir);
        Population population = new Population(o.seed());
        List<Path> captures = new ArrayList<>();
        List<PathTruth> truths = new ArrayList<>();
        long packets = 0;
        for (int h = 1; h <= o.hosts(); h++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "host-%02d.pcap%s", h, o.gzip() ? ".gz" : ""));
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            HostRun run = new HostRun(o, population, h);
            try (OutputStream raw = Files.newOutputStream(tmp);
                    OutputStream out = o.gzip() ? new GZIPOutputStream(raw, 1 << 16) : raw;
                    PcapWriter pcap = new PcapWriter(out, PcapWriter.ETHERNET, false)) {
                packets += run.writeTo(pcap);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            captures.add(file);
            truths.addAll(run.truths());
        }
        writeTruth(dir.resolve(TRUTH), truths);
        return new Result(captures, truths, packets);
    }

    private static void writeTruth(Path file, List<PathTruth> truths) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("host,site,src,dst,ident,p,q,loss_rate,mean_burst,base_rtt_ms,jitter_ms,probes,lost\n");
            for (PathTruth t : truths) {
                PathParams p = t.params();
                w.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%d,%.6f,%.6f,%.6f,%.3f,%.3f,%.3f,%d,%d%n", t.host(),
                        t.site(), t.src(), t.dst(), t.ident(), p.p(), p.q(), p.lossRate(), p.meanBurst(),
                        p.baseRttNs() / 1e6, p.jitterNs() / 1e6, t.probes(), t.lost()));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One host probing all sites: a time-ordered merge of every site's requests and replies. */
    private static final class HostRun {
        private record Event(long tNs, int site, boolean request, long probe, long sendNs) {
        }

        private final SimulationOptions o;
        private final int host;
        private final PathParams[] params;
        private final SplittableRandom[] random;
        private final boolean[] lastLost;
        private final long[] probes;
        private final long[] lost;
        private final long[] staggerNs;

        HostRun(SimulationOptions o, Population population, int host) {
            this.o = o;
            this.host = host;
            int n = o.sites();
            params = new PathParams[n];
            random = new SplittableRandom[n];
            lastLost = new boolean[n];
            probes = new long[n];
            lost = new long[n];
            staggerNs = new long[n];
            for (int s = 0; s < n; s++) {
                params[s] = population.path(host, s + 1);
                random[s] = population.random(host, s + 1, 1);
                staggerNs[s] = (o.spacingNs() * s / n) / 1000 * 1000;
            }
        }

        long sendTime(int site, long probe) {
            long perOn = o.probesPerOnPeriod();
            long period = probe / perOn;
            return o.startNs() + staggerNs[site] + period * (o.onNs() + o.offNs()) + (probe % perOn) * o.spacingNs();
        }

        long writeTo(PcapWriter pcap) throws IOException {
            PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.tNs != b.tNs ? Long.compare(a.tNs, b.tNs)
                    : a.site != b.site ? Integer.compare(a.site, b.site) : Boolean.compare(b.request, a.request));
            long end = o.startNs() + o.durationNs();
            for (int s = 0; s < params.length; s++) {
                long t = sendTime(s, 0);
                if (t < end) {
                    queue.add(new Event(t, s, true, 0, t));
                }
            }
            byte[] frame = new byte[EchoFrames.FRAME_BYTES];
            int src = hostAddress(host);
            long written = 0;
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                int seq = (int) ((1 + e.probe) & 0xFFFF);
                int ident = 0x4000 + e.site + 1;
                int dst = siteAddress(e.site + 1);
                if (e.request) {
                    if (!o.replyOnly()) {
                        pcap.write(e.tNs, frame, EchoFrames.echo(frame, true, src, dst, ident, seq, e.sendNs));
                        written++;
                    }
                    step(e, queue, end);
                } else {
                    pcap.write(e.tNs, frame, EchoFrames.echo(frame, false, src, dst, ident, seq, e.sendNs));
                    written++;
                }
            }
            return written;
        }

        /** Decides the probe's fate, schedules its reply and the path's next probe. */
        private void step(Event e, PriorityQueue<Event> queue, long end) {
            int s = e.site;
            PathParams p = params[s];
            SplittableRandom r = random[s];
            boolean isLost = r.nextDouble() < (lastLost[s] ? p.q() : p.p());
            long jitter = p.jitterNs() > 0 ? r.nextLong(p.jitterNs() / 1000 + 1) * 1000 : 0;
            lastLost[s] = isLost;
            probes[s]++;
            if (isLost) {
                lost[s]++;
            } else {
                long delay = p.baseRttNs() / 1000 * 1000 + jitter;
                queue.add(new Event(e.tNs + delay, s, false, e.probe, e.sendNs));
            }
            long next = sendTime(s, e.probe + 1);
            if (next < end) {
                queue.add(new Event(next, s, true, e.probe + 1, next));
            }
        }

        List<PathTruth> truths() {
            List<PathTruth> out = new ArrayList<>();
            for (int s = 0; s < params.length; s++) {
                out.add(new PathTruth(host, s + 1, dotted(hostAddress(host)), dotted(siteAddress(s + 1)),
                        0x4000 + s + 1, params[s], probes[s], lost[s]));
            }
            return out;
        }
    }
}
