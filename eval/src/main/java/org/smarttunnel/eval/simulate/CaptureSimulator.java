package org.smarttunnel.eval.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.zip.GZIPOutputStream;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.ingest.capture.EchoFrames;
import org.smarttunnel.ingest.capture.PcapWriter;

/**
 * Writes real pcap captures of simulated ping runs: one capture per host holding all its
 * sites interleaved in time order, as tcpdump on that host would record them, and the ground
 * truth beside them ({@link GroundTruth}). Host h probes from 10.1.h.1; site s answers at
 * 198.18.s.1 under ICMP identifier 0x4000 + s.
 */
public final class CaptureSimulator {
    public record Result(List<Path> captures, List<GroundTruth.PathTruth> paths, long packets) {
    }

    private CaptureSimulator() {
    }

    public static Result write(SimulationOptions o, Path dir) throws IOException {
        org.smarttunnel.common.io.IoErrors.requireDirectoryOrAbsent(dir);
        Files.createDirectories(dir);
        org.smarttunnel.common.io.FileTrees.removeStale(dir);
        Topology world = new Topology(o);
        GroundTruth truth = new GroundTruth(world);
        List<Path> captures = new ArrayList<>();
        long packets = 0;
        for (int h = 1; h <= o.hosts(); h++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "host-%02d.pcap%s", h, o.gzip() ? ".gz" : ""));
            // hidden and named after this process until complete: a killed or failed run leaves no
            // half-written capture in sight, and the next run removes what it left
            Path tmp = AtomicFiles.temporary(file);
            HostRun run = new HostRun(world, h);
            try {
                try (OutputStream raw = Files.newOutputStream(tmp);
                        OutputStream out = o.gzip() ? new GZIPOutputStream(raw, 1 << 16) : raw;
                        PcapWriter pcap = new PcapWriter(out, PcapWriter.ETHERNET, false)) {
                    packets += run.writeTo(pcap);
                }
                AtomicFiles.move(tmp, file);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw org.smarttunnel.common.io.IoErrors.cannotWrite(file, e);
            }
            captures.add(file);
            for (var e : run.paths.entrySet()) {
                truth.add(h, e.getKey(), e.getValue());
            }
        }
        truth.write(dir);
        return new Result(captures, truth.paths(), packets);
    }

    /** One host probing all sites: a time-ordered merge of every site's requests and replies. */
    private static final class HostRun {
        private record Event(long tNs, int site, boolean request, PathProcess.Probe probe) {
        }

        private final SimulationOptions o;
        private final int host;
        private final java.util.Map<Integer, PathProcess> paths = new java.util.TreeMap<>();

        HostRun(Topology world, int host) {
            this.o = world.options();
            this.host = host;
            for (int s = 1; s <= o.sites(); s++) {
                paths.put(s, world.path(host, s));
            }
        }

        long writeTo(PcapWriter pcap) throws IOException {
            PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.tNs != b.tNs ? Long.compare(a.tNs, b.tNs)
                    : a.site != b.site ? Integer.compare(a.site, b.site) : Boolean.compare(b.request, a.request));
            paths.forEach((site, p) -> schedule(site, p, queue));
            byte[] frame = new byte[EchoFrames.FRAME_BYTES];
            int src = Topology.hostAddress(host);
            long written = 0;
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                PathProcess.Probe p = e.probe;
                int dst = Topology.siteAddress(e.site);
                int ident = Topology.ident(e.site);
                if (e.request) {
                    if (!o.replyOnly()) {
                        pcap.write(e.tNs, frame, EchoFrames.echo(frame, true, src, dst, ident, p.seq(), p.sendNs()));
                        written++;
                    }
                    if (!p.lost()) {
                        queue.add(new Event(p.sendNs() + p.rttNs(), e.site, false, p));
                    }
                    schedule(e.site, paths.get(e.site), queue);
                } else {
                    pcap.write(e.tNs, frame, EchoFrames.echo(frame, false, src, dst, ident, p.seq(), p.sendNs()));
                    written++;
                }
            }
            return written;
        }

        private static void schedule(int site, PathProcess p, PriorityQueue<Event> queue) {
            if (p.hasNext()) {
                PathProcess.Probe next = p.next();
                queue.add(new Event(next.sendNs(), site, true, next));
            }
        }
    }
}
