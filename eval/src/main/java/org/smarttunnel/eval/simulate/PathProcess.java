package org.smarttunnel.eval.simulate;

import java.util.SplittableRandom;

/**
 * One simulated path, probe by probe in send order: the send time from the probing schedule,
 * the fate from the path's extended Gilbert chain at the current period's loss rate (and the
 * shared bottleneck it may cross, at send time plus half the base RTT), and the RTT of a
 * received probe: its base, its own wandering queue, its congestion queue (building up before
 * its losses and draining after them, higher in lossier periods: fates are drawn up to
 * {@link #RAMP_NS} ahead) and the queue of the bottleneck it crosses.
 * Counts what it produced, per drift period too.
 */
public final class PathProcess {
    /** How long the congestion queue takes to build up before a loss and to drain after it. */
    static final long RAMP_NS = 20_000_000L;
    /** A period at this loss rate (or more) queues the full congestion amplitude. */
    static final double BUSY_RATE = 0.05;

    private final SimulationOptions o;
    private final PathParams params;
    private final Bottleneck bottleneck;
    private final Bottleneck.Cursor cursor;
    private final Bottleneck.QueueCursor sharedQueue;
    private final long staggerNs;
    private final double[] rates;
    private final double[] starts;
    private final double[] q;
    private final SplittableRandom loss;
    private final SplittableRandom delay;
    private final SplittableRandom crossing;
    private final long[] periodProbes;
    private final long[] periodLost;
    private final long endNs;
    private final double[] amplitude;
    private final java.util.ArrayDeque<Fate> ahead = new java.util.ArrayDeque<>();
    private int state;
    private long queueNs;
    private long next;
    private long drawn;
    private long lastLossNs = Long.MIN_VALUE;
    private long lost;
    private long bottleneckLost;

    /** Outcome of one probe: {@code rttNs} is -1 when it was lost. */
    public record Probe(long index, int seq, long sendNs, boolean lost, long rttNs) {
    }

    PathProcess(SimulationOptions o, Population population, int host, int site, long staggerNs, Bottleneck bottleneck) {
        this.o = o;
        this.params = population.path(host, site);
        this.bottleneck = bottleneck;
        this.cursor = bottleneck == null ? null : bottleneck.cursor(o.startNs());
        this.sharedQueue = bottleneck == null ? null : bottleneck.queueCursor(o.startNs());
        this.staggerNs = staggerNs;
        double[] m = Drift.overRun(o.drift(), o.periods(), population.random(host, site, Population.Stream.DRIFT));
        this.rates = new double[m.length];
        this.starts = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            rates[j] = Math.min(PathParams.MAX_RATE, params.lossRate() * m[j]);
            starts[j] = params.startProbability(rates[j]);
        }
        this.q = params.bursts().continuations();
        this.amplitude = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            amplitude[j] = params.congestionNs() * Math.min(1, StrictMath.sqrt(rates[j] / BUSY_RATE));
        }
        this.loss = population.random(host, site, Population.Stream.LOSS);
        this.delay = population.random(host, site, Population.Stream.DELAY);
        this.crossing = population.random(host, site, Population.Stream.BOTTLENECK);
        this.queueNs = params.queueNs() == 0 ? 0 : delay.nextLong(params.queueNs() / 1000 + 1) * 1000;
        this.periodProbes = new long[m.length];
        this.periodLost = new long[m.length];
        this.endNs = o.startNs() + o.durationNs();
    }

    public PathParams params() {
        return params;
    }

    public Bottleneck bottleneck() {
        return bottleneck;
    }

    /** Send time of probe {@code probe}. */
    public long sendNs(long probe) {
        long perOn = o.probesPerOnPeriod();
        return o.startNs() + staggerNs + (probe / perOn) * (o.onNs() + o.offNs()) + (probe % perOn) * o.spacingNs();
    }

    public boolean hasNext() {
        return sendNs(next) < endNs;
    }

    /** A probe's fate, drawn ahead of its delay so the queue can build up before losses. */
    private record Fate(long index, long sendNs, int period, boolean own, boolean dropped, long crossingNs) {
        boolean lost() {
            return own || dropped;
        }
    }

    /** The fate of the next probe not drawn yet (the loss streams are drawn in probe order, as always). */
    private Fate draw() {
        long send = sendNs(drawn);
        int period = (int) Math.min(rates.length - 1, (send - o.startNs()) / o.driftPeriodNs());
        double p = state == 0 ? starts[period] : q[state];
        boolean own = loss.nextDouble() < p;
        state = own ? Math.min(state + 1, BurstLaw.STATES - 1) : 0;
        long crossingNs = send + params.baseRttNs() / 2;
        boolean dropped = cursor != null && cursor.congested(crossingNs)
                && crossing.nextDouble() < bottleneck.episodeLoss();
        return new Fate(drawn++, send, period, own, dropped, crossingNs);
    }

    /**
     * The congestion queue at {@code sendNs}: it rises linearly to A_j = A·min(1, sqrt(rate_j /
     * 5%)) over the {@link #RAMP_NS} before a lost probe and falls back as long after one (busier
     * drift periods j build higher queues). No standing level per period: a level that steps at
     * the common period boundaries would correlate independent paths' delays by chance over a
     * handful of periods.
     */
    private long congestionNs(long sendNs, int period) {
        long nearest = lastLossNs == Long.MIN_VALUE ? Long.MAX_VALUE : sendNs - lastLossNs;
        for (Fate f : ahead) {
            if (f.sendNs() > sendNs && f.lost()) {
                nearest = Math.min(nearest, f.sendNs() - sendNs);
                break;
            }
        }
        double tent = nearest >= RAMP_NS ? 0 : 1 - (double) nearest / RAMP_NS;
        return Math.round(amplitude[period] * tent);
    }

    /** The next probe. */
    public Probe next() {
        if (ahead.isEmpty()) {
            ahead.add(draw());
        }
        Fate fate = ahead.peekFirst();
        while (sendNs(drawn) < endNs && ahead.peekLast().sendNs() < fate.sendNs() + RAMP_NS) {
            ahead.addLast(draw());
        }
        ahead.removeFirst();
        long send = fate.sendNs();
        int period = fate.period();
        boolean own = fate.own();
        boolean dropped = fate.dropped();
        long shared = sharedQueue == null ? 0 : sharedQueue.delayNs(fate.crossingNs());
        boolean isLost = fate.lost();
        long congestion = isLost ? 0 : congestionNs(send, period);
        if (isLost) {
            lastLossNs = send;
        }
        long step = params.queueNs() / 8 / 1000;
        if (step > 0) {
            queueNs += (delay.nextLong(2 * step + 1) - step) * 1000;
            queueNs = queueNs < 0 ? -queueNs : queueNs > params.queueNs() ? 2 * params.queueNs() - queueNs : queueNs;
        }
        periodProbes[period]++;
        if (isLost) {
            periodLost[period]++;
            lost++;
            if (dropped && !own) {
                bottleneckLost++;
            }
        }
        Probe out = new Probe(next, (int) ((1 + next) & 0xFFFF), send, isLost,
                isLost ? -1 : params.baseRttNs() + queueNs + shared + congestion);
        next++;
        return out;
    }

    public long probes() {
        return next;
    }

    public long lost() {
        return lost;
    }

    /** Probes only the bottleneck dropped. */
    public long bottleneckLost() {
        return bottleneckLost;
    }

    /** Loss rate the chain ran at in drift period j. */
    public double rate(int period) {
        return rates[period];
    }

    public long periodProbes(int period) {
        return periodProbes[period];
    }

    public long periodLost(int period) {
        return periodLost[period];
    }
}
