package org.smarttunnel.replay.alloc;

import java.util.List;

/**
 * smarttunnel's search over (data, redundancy) candidate pairs (paper Fig. 3 and, with
 * capacities, Fig. 4: the redundancy candidates then depend on the data candidate through the
 * residual capacities). FULL scores every pair of candidates; PARETO only pairs of candidates
 * on the (mean, variance) Pareto fronts. Both order pairs the same way: lower score, then
 * lower total mean, lower total variance, lower data e, lower redundancy e.
 *
 * <p>PARETO returns FULL's allocation whenever the score does not decrease when a candidate's
 * mean or variance grows: if the best pair had a dominated member, its dominator would score
 * no worse and win the order. With capacities a data candidate is only pruned by one that also
 * leaves at least as much room for redundancy on every path. METHOD section 6 notes that X~ grows with muX, sdX, muY and sdY
 * in the regime of interest (the same property that makes minimum-variance candidates the
 * right ones); the tests check PARETO against FULL on thousands of random path sets.
 */
final class SmartTunnelSearch {
    enum Scan { FULL, PARETO }

    /** A pair's score, lower is better (log of the expected loss). */
    interface Score {
        double of(Candidate data, Candidate redundancy);
    }

    record Choice(Candidate data, Candidate redundancy, double score) {
    }

    private SmartTunnelSearch() {
    }

    static Choice search(AllocationRequest request, Scan scan, Score score) {
        BlockMoments dataMoments = BlockMoments.of(request.paths(), request.data());
        BlockMoments redMoments = BlockMoments.of(request.paths(), request.redundancy());
        int[] capacity = request.capacity();
        List<Candidate> data = ScaledMeanProgramme.candidates(dataMoments, request.data(), capacity, request.emax());
        if (scan == Scan.PARETO) {
            data = ScaledMeanProgramme.front(data, capacity, request.redundancy());
        }
        List<Candidate> fixedRed = capacity == null ? reds(redMoments, request, null, scan) : null;
        Choice best = null;
        for (Candidate d : data) {
            List<Candidate> red = fixedRed != null ? fixedRed : reds(redMoments, request, residual(capacity, d), scan);
            for (Candidate r : red) {
                double s = score.of(d, r);
                if (best == null || better(s, d, r, best)) {
                    best = new Choice(d, r, s);
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no allocation fits the capacities");
        }
        return best;
    }

    private static List<Candidate> reds(BlockMoments m, AllocationRequest request, int[] capacity, Scan scan) {
        List<Candidate> red = ScaledMeanProgramme.candidates(m, request.redundancy(), capacity, request.emax());
        return scan == Scan.PARETO ? ScaledMeanProgramme.front(red) : red;
    }

    private static int[] residual(int[] capacity, Candidate data) {
        int[] c = new int[capacity.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = capacity[i] - data.counts()[i];
        }
        return c;
    }

    static boolean better(double s, Candidate d, Candidate r, Choice best) {
        if (s != best.score()) {
            return s < best.score();
        }
        double mean = d.mean() + r.mean();
        double bestMean = best.data().mean() + best.redundancy().mean();
        if (mean != bestMean) {
            return mean < bestMean;
        }
        double var = d.var() + r.var();
        double bestVar = best.data().var() + best.redundancy().var();
        if (var != bestVar) {
            return var < bestVar;
        }
        if (d.e() != best.data().e()) {
            return d.e() < best.data().e();
        }
        return r.e() < best.redundancy().e();
    }
}
