package org.smarttunnel.eval.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A congested link near a site that several hosts' paths cross: congestion episodes arrive at
 * random (exponential gaps) and last an exponential time of mean {@code meanEpisodeNs}; a
 * probe crossing during an episode is dropped with probability {@code episodeLoss}. The
 * episodes are a function of absolute time and the seed alone, so every path crossing the
 * link sees the same ones; {@code lossRate} is the long-run share of crossing probes dropped.
 * The link's queue adds the same delay to every crossing probe: a bounded random walk in
 * [0, {@link #queueNs()}] on a 10 ms grid (steps up to an eighth of the bound), full during an
 * episode — so paths crossing it share their delay variations as well as their losses.
 */
public record Bottleneck(int site, List<Integer> hosts, double lossRate, long meanEpisodeNs, double episodeLoss,
        long seedMix) {
    public Bottleneck {
        hosts = List.copyOf(hosts);
    }

    public String id() {
        return "b" + site;
    }

    /** The queueing delay the link adds at most: 5-25 ms, from the link's seed. */
    public long queueNs() {
        return 5_000_000L + Math.floorMod(seedMix, 20_001L) * 1_000L;
    }

    /** Walks the queue's delay forward in time; queries must not go back in time. */
    public QueueCursor queueCursor(long startNs) {
        return new QueueCursor(startNs);
    }

    /** The shared queueing delay, generated on its grid as the queries advance. */
    public final class QueueCursor {
        static final long GRID_NS = 10_000_000L;
        private final SplittableRandom r = new SplittableRandom(seedMix ^ 0x5DEECE66DL);
        private final Cursor episodes;
        private final long startNs;
        private long cell;
        private long delayNs;

        QueueCursor(long startNs) {
            this.startNs = startNs;
            this.episodes = new Cursor(startNs);
            this.delayNs = r.nextLong(queueNs() + 1);
        }

        /** The delay the link adds at {@code tNs}. */
        public long delayNs(long tNs) {
            long target = Math.max(0, Math.floorDiv(tNs - startNs, GRID_NS));
            long step = queueNs() / 8;
            while (cell < target) {
                delayNs += r.nextLong(2 * step + 1) - step;
                delayNs = delayNs < 0 ? -delayNs : delayNs > queueNs() ? 2 * queueNs() - delayNs : delayNs;
                cell++;
            }
            return episodes.congested(tNs) ? queueNs() : delayNs;
        }
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
