package org.smarttunnel.eval.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A congested link near a site that several hosts' paths cross: congestion episodes arrive at
 * random (exponential gaps) and last an exponential time of mean {@code meanEpisodeNs}; a
 * probe crossing during an episode is dropped with probability {@code episodeLoss}. The
 * episodes are a function of absolute time and the seed alone, so every path crossing the
 * link sees the same ones; {@code lossRate} is the long-run share of crossing probes dropped.
 */
public record Bottleneck(int site, List<Integer> hosts, double lossRate, long meanEpisodeNs, double episodeLoss,
        long seedMix) {
    public Bottleneck {
        hosts = List.copyOf(hosts);
    }

    public String id() {
        return "b" + site;
    }

    /** Mean time between the starts of episodes. */
    public double meanCycleNs() {
        return meanEpisodeNs * episodeLoss / lossRate;
    }

    /** Walks the episodes forward in time; queries must not go back in time. */
    public Cursor cursor(long startNs) {
        return new Cursor(startNs);
    }

    /** Number of episodes that begin in [startNs, endNs). */
    public long episodes(long startNs, long endNs) {
        Cursor c = cursor(startNs);
        long n = 0;
        while (c.episodeStart < endNs) {
            n++;
            c.advance();
        }
        return n;
    }

    /** Episodes from {@code startNs} on, generated as the queries advance. */
    public final class Cursor {
        private final SplittableRandom r = new SplittableRandom(seedMix);
        private long episodeStart;
        private long episodeEnd;

        Cursor(long startNs) {
            episodeEnd = startNs;
            advance();
        }

        private void advance() {
            double gap = Math.max(0, meanCycleNs() - meanEpisodeNs);
            episodeStart = episodeEnd + (long) exponential(gap);
            episodeEnd = episodeStart + Math.max(1, (long) exponential(meanEpisodeNs));
        }

        private double exponential(double mean) {
            return -mean * StrictMath.log(1 - r.nextDouble());
        }

        /** Whether the link is congested at {@code tNs}. */
        public boolean congested(long tNs) {
            while (tNs >= episodeEnd) {
                advance();
            }
            return tNs >= episodeStart;
        }
    }
}
