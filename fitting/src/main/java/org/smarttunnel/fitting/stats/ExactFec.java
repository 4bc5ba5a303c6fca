package org.smarttunnel.fitting.stats;

import java.util.Arrays;
import java.util.List;
import org.smarttunnel.common.cache.Lru;
import org.smarttunnel.fitting.model.MarkovLoss;

/**
 * Exact X_FEC (paper eq. 1) for many schedules in a row: the computation of
 * {@link JointLoss} and {@link GroupLoss#exact}, organised for speed. Buffers are allocated
 * once. Per path, the chain moves from one carried slot to the next by a precomputed transfer
 * (P^gap followed by the loss split, {@link ChainTables#transfers}, or its factored form
 * {@link ChainTables#lostTransfers} where that is cheaper), over contiguous cell ranges.
 *
 * <p>A group fails as soon as more than R of its packets are lost, whatever happens to the
 * rest, so only loss counts (a, b) with a + b &lt;= R are tracked cell by cell; everything
 * beyond is lumped into an overflow holding its probability and its expected number of lost
 * data packets (which later data losses still raise). X_FEC is then exactly the overflow's
 * expected data loss once every path is combined: tables stay within (R+1)(R+2)/2 cells
 * however many packets a path carries. All terms are non-negative, so tiny results keep their
 * relative precision. Not thread-safe.
 */
public final class ExactFec {
    /** The largest group a calculator shared by callers is sized for. */
    public static final int MAX_GROUP = 64;

    private final int maxGroup;
    private final int maxStates;
    private double[] cur;
    private double[] next;
    private final double[] overMass;
    private final double[] overData;
    private final double[] overMassNext;
    private final double[] overDataNext;
    private double[] acc;
    private double[] accNext;
    private final double[] path;
    /** The current path's table: {@link #path} just computed, or a remembered one (read only). */
    private double[] pathCells;
    /** Per path of the current layout: its slots as bits (groups of at most 64), data and redundant counts. */
    private long[] slotBits = new long[8];
    private int[] dataCount = new int[8];
    private int[] redundantCount = new int[8];
    private final double[] tailMass;
    private final double[] tailData;
    private static final double[][] NONE = new double[0][];
    /**
     * Every path's joint loss table computed lately (groups of at most 64 slots), least recently
     * used first, within {@link #MEMO_CELLS} cells: a table depends only on its key, so
     * schedules sharing a path's slots — a search's candidates, the allocators of one interval,
     * tunnels sharing a trace — reuse it.
     */
    private final Lru<PathKey, PathTable> memo = Lru.weighted(MEMO_CELLS, t -> t.cells().length);
    /** Answers of {@link #expectedLostAfterFec} lately asked. */
    private final Lru<ResultKey, Double> results = Lru.ofEntries(MEMO_RESULTS);
    /**
     * The tables of the chains scored lately (a search scores the same few chains many times;
     * an evaluation cycles through every trace's interval models, a few hundred on a site),
     * weighed by their states squared: 16,384 two-state chains, 256 of 16 states (each holds at
     * most 42 n^2 numbers: at most 22 MB).
     */
    private final Lru<MarkovLoss, ChainTables> tables = Lru.weighted(CHAIN_BUDGET, t -> (long) t.states() * t.states());
    /** The chain tables' budget, in states squared. */
    static final long CHAIN_BUDGET = 1 << 16;
    /** Data phases computed lately (groups of at most 64 slots). */
    private final Lru<DataKey, DataPhase> dataPhases = Lru.weighted(MEMO_CELLS, p -> p.cells().length);
    private double pathOverMass;
    private double pathOverData;
    /** Largest a and b with non-zero cells: path's are min(d, R) and min(r, R); acc's the sums, capped at R. */
    private int pathMaxA;
    private int pathMaxB;
    private int accMaxA;
    private int accMaxB;

    /** A path's joint loss table depends only on its model and which slots (data or not) it carries. */
    private record PathKey(MarkovLoss model, long slots, int data, int width) {
    }

    private record PathTable(double[] cells, double overMass, double overData, int maxA, int maxB) {
    }

    public ExactFec(int maxGroup, int maxStates) {
        this.maxGroup = maxGroup;
        this.maxStates = maxStates;
        int cells = (maxGroup + 2) * (maxGroup + 2);
        cur = new double[maxStates * cells];
        next = new double[maxStates * cells];
        overMass = new double[maxStates];
        overData = new double[maxStates];
        overMassNext = new double[maxStates];
        overDataNext = new double[maxStates];
        acc = new double[cells];
        accNext = new double[cells];
        path = new double[cells];
        tailMass = new double[2 * maxGroup + 3];
        tailData = new double[2 * maxGroup + 3];
    }

    /**
     * The most table cells the memo holds (1 MB of doubles) per calculator. Sixteen times as many
     * computed 3-6% fewer tables on the demo but made its evaluation 12-18% slower (the lookups
     * and the collector's work on a large, constantly reordered map cost more than the tables).
     */
    static final long MEMO_CELLS = 1L << 17;
    /**
     * The most answers kept per calculator: 65,536 were no faster, and their entries (about 330
     * bytes each) lived long enough to fill the old generation before they were evicted.
     */
    static final int MEMO_RESULTS = 1 << 12;

    private record ResultKey(List<MarkovLoss> models, GroupLayout layout) {
    }

    private ChainTables tables(MarkovLoss chain) {
        ChainTables t = tables.get(chain);
        if (t == null) {
            t = new ChainTables(chain);
            tables.put(chain, t);
        }
        return t;
    }

    /** Forgets every remembered path table, data phase and answer. */
    public void forget() {
        memo.clear();
        dataPhases.clear();
        results.clear();
    }

    /**
     * Expected data packets lost per group after FEC for {@code models} (one per path) under
     * {@code layout}. The answers of the last {@link #MEMO_RESULTS} questions are kept: an
     * evaluation asks the same one again when several allocators choose the same schedule, and
     * when it scores the schedule a search chose.
     */
    public double expectedLostAfterFec(List<? extends MarkovLoss> models, GroupLayout layout) {
        return expectedLostAfterFec(models, layout, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #expectedLostAfterFec(List, GroupLayout)}, or positive infinity as soon as the answer
     * is certainly at least {@code atLeast}: the expected data lost in groups that have already
     * failed on the paths combined so far (the first path's own overflow, then more with every
     * path) only grows by non-negative terms until the answer, so it bounds the computed answer
     * from below bit for bit. A search that only needs to know whether a schedule beats its
     * best so far skips the remaining paths of one that cannot. Such a bounded question is
     * neither looked up among nor added to the kept answers: a search asks each candidate once
     * (it keeps its own scores), and the one it chooses is asked again without a bound.
     */
    public double expectedLostAfterFec(List<? extends MarkovLoss> models, GroupLayout layout, double atLeast) {
        int g = layout.groupSize();
        if (g > maxGroup) {
            throw new IllegalArgumentException("group of " + g + " slots, calculator sized for " + maxGroup);
        }
        if (models.size() != layout.paths()) {
            throw new IllegalArgumentException(models.size() + " models for " + layout.paths() + " paths");
        }
        if (atLeast != Double.POSITIVE_INFINITY) {
            return compute(models, layout, atLeast);
        }
        // a path that carries nothing does not matter, whatever its model: greedy tunnels sharing their best path share the answer
        MarkovLoss[] carrying = new MarkovLoss[models.size()];
        for (int j = 0; j < g; j++) {
            int p = layout.pathOf(j);
            carrying[p] = models.get(p);
        }
        ResultKey key = new ResultKey(Arrays.asList(carrying), layout);
        Double known = results.get(key);
        if (known != null) {
            return known;
        }
        double x = compute(models, layout, atLeast);
        results.put(key, x);
        return x;
    }

    private double compute(List<? extends MarkovLoss> models, GroupLayout layout, double atLeast) {
        int g = layout.groupSize();
        int dataSlots = layout.data();
        int redundancy = g - dataSlots;
        int width = redundancy + 1;
        int last = slotsPerPath(layout);
        boolean first = true;
        double accMass = 0;
        double accData = 0;
        for (int p = 0; p <= last; p++) {
            MarkovLoss m = models.get(p);
            int d = dataCount[p];
            int r = redundantCount[p];
            if (d + r == 0) {
                continue;
            }
            if (m.states() > maxStates) {
                throw new IllegalArgumentException(m.states() + " states, calculator sized for " + maxStates);
            }
            if (g <= 64) {
                remembered(m, layout, p, d, r, width);
            } else {
                pathJoint(m, layout, p, d, r, width);
                pathCells = path;
            }
            double meanData = d * m.lossRate();
            if (first) {
                System.arraycopy(pathCells, 0, acc, 0, width * width);
                accMaxA = pathMaxA;
                accMaxB = pathMaxB;
                accMass = pathOverMass;
                accData = pathOverData;
                first = false;
                if (p == last) {
                    return accData;
                }
                if (accData >= atLeast) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            // the overflow so far stays overflow whatever this path loses, which adds its mean data loss
            accData += accMass * meanData;
            if (p == last) {
                return accData + finish(width, redundancy);
            }
            double[] over = convolve(width, redundancy);
            accMass += over[0];
            accData += over[1];
            if (accData >= atLeast) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return 0;
    }

    /**
     * Fills {@link #slotBits} (groups of at most 64 slots), {@link #dataCount} and
     * {@link #redundantCount} for every path of the layout in one pass; returns the highest path
     * that carries a slot.
     */
    private int slotsPerPath(GroupLayout layout) {
        int paths = layout.paths();
        if (slotBits.length < paths) {
            slotBits = new long[paths];
            dataCount = new int[paths];
            redundantCount = new int[paths];
        }
        Arrays.fill(slotBits, 0, paths, 0L);
        Arrays.fill(dataCount, 0, paths, 0);
        Arrays.fill(redundantCount, 0, paths, 0);
        int g = layout.groupSize();
        int dataSlots = layout.data();
        int last = -1;
        for (int j = 0; j < g; j++) {
            int p = layout.pathOf(j);
            last = Math.max(last, p);
            if (j < 64) {
                slotBits[p] |= 1L << j;
            }
            if (j < dataSlots) {
                dataCount[p]++;
            } else {
                redundantCount[p]++;
            }
        }
        return last;
    }

    private void remembered(MarkovLoss m, GroupLayout layout, int p, int d, int r, int width) {
        PathKey key = new PathKey(m, slotBits[p], layout.data(), width);
        PathTable table = memo.get(key);
        if (table == null) {
            pathJoint(m, layout, p, d, r, width);
            pathCells = Arrays.copyOf(path, width * width);
            memo.put(key, new PathTable(pathCells, pathOverMass, pathOverData, pathMaxA, pathMaxB));
            return;
        }
        pathCells = table.cells();
        pathOverMass = table.overMass();
        pathOverData = table.overData();
        pathMaxA = table.maxA();
        pathMaxB = table.maxB();
    }

    /**
     * Fills {@code path} with P(a, b) of path p for a + b &lt;= R at index a * width + b (zero
     * elsewhere), and {@link #pathOverMass}, {@link #pathOverData} with the probability and
     * expected data loss of a + b &gt; R.
     */
    private void pathJoint(MarkovLoss chain, GroupLayout layout, int p, int d, int r, int width) {
        ChainTables m = tables(chain);
        int n = m.states();
        int redundancy = width - 1;
        int w = r + 1;
        int rows = Math.min(d, redundancy + 1) + 1;
        int cells = rows * w;
        int g = layout.groupSize();
        int maxGap = 0;
        for (int slot = 0, prev = -1; slot < g; slot++) {
            if (layout.pathOf(slot) == p) {
                maxGap = prev < 0 ? maxGap : Math.max(maxGap, slot - prev - 1);
                prev = slot;
            }
        }
        boolean renewing = m.renewsOnReception();
        // the gaps this path has, no more: a chain's transfers grow with the longest gap asked for
        double[][] transfer = renewing ? m.transfers(maxGap) : m.fullTransfers(maxGap);
        double[][] factored = renewing ? m.lostTransfers(g) : NONE;
        // the data slots come first and leave b = 0: a table over a alone, the first row of the
        // redundant phase's cells, which are kept b by b (cell (a, b) at b * rows + a): after j
        // redundant slots only the first j + 1 rows can hold anything, and the steps stop there
        DataPhase data = dataPhase(chain, m, layout, p, d, rows, redundancy, transfer, factored);
        int end = data.end();
        for (int k = 0; k < n; k++) {
            System.arraycopy(data.cells(), k * rows, cur, k * cells, end);
            overMass[k] = data.overMass()[k];
            overData[k] = data.overData()[k];
        }
        int prev = data.last();
        for (int slot = layout.data(); slot < g; slot++) {
            if (layout.pathOf(slot) != p) {
                continue;
            }
            end = step(transfer, factored, renewing, n, cells, end, prev < 0 ? 0 : slot - prev - 1, false, rows, w,
                    redundancy);
            prev = slot;
        }
        collect(n, d, r, rows, cells, end, width);
    }

    /**
     * The state of a path's table after its data slots: per chain state, P(a data losses) for a
     * below {@code end} (stride 1, {@code rows} per state), the overflow, and the last data slot
     * carried (-1 for none). The same numbers, in the same order of additions, as the cells
     * b = 0 of the full table: every cell b &gt; 0 is still zero then.
     */
    private record DataPhase(double[] cells, int end, double[] overMass, double[] overData, int last) {
    }

    private record DataKey(MarkovLoss model, long slots, int data, int redundancy) {
    }

    private DataPhase dataPhase(MarkovLoss chain, ChainTables m, GroupLayout layout, int p, int d, int rows,
            int redundancy, double[][] transfer, double[][] factored) {
        int dataSlots = layout.data();
        DataKey key = null;
        if (layout.groupSize() <= 64) {
            long below = dataSlots == 64 ? -1L : (1L << dataSlots) - 1;
            key = new DataKey(chain, slotBits[p] & below, dataSlots, redundancy);
            DataPhase known = dataPhases.get(key);
            if (known != null) {
                return known;
            }
        }
        int n = m.states();
        for (int k = 0; k < n; k++) {
            cur[k * rows] = m.stationary(k);
            overMass[k] = 0;
            overData[k] = 0;
        }
        int end = 1;
        int prev = -1;
        for (int slot = 0; slot < dataSlots; slot++) {
            if (layout.pathOf(slot) != p) {
                continue;
            }
            end = step(transfer, factored, m.renewsOnReception(), n, rows, end, prev < 0 ? 0 : slot - prev - 1,
                    true, rows, 1, redundancy);
            prev = slot;
        }
        double[] cells = new double[n * rows];
        for (int k = 0; k < n; k++) {
            System.arraycopy(cur, k * rows, cells, k * rows, end);
        }
        DataPhase phase = new DataPhase(cells, end, Arrays.copyOf(overMass, n), Arrays.copyOf(overData, n), prev);
        if (key != null) {
            dataPhases.put(key, phase);
        }
        return phase;
    }

    /**
     * One carried slot after {@code gap} uncarried ones, data or redundant, on the table in
     * {@link #cur} ({@code cells} per state: cell (a, b) at b * rows + a, b below {@code w}),
     * then the sweep of a + b = R + 1 into the overflow; returns the new end of the used cells.
     * A loss moves a cell by 1 (data) or by a row (redundant). Cells of the last a or b cannot
     * lose again (they are swept past R, or every slot of that kind is already counted), so the
     * moves stop short of the block's end: the products left out are zeros.
     */
    private int step(double[][] transfer, double[][] factored, boolean renewing, int n, int cells, int end,
            int gap, boolean data, int rows, int w, int redundancy) {
        double[] t = transfer[gap];
        int shift = data ? 1 : rows;
        int newEnd = Math.min(cells, end + shift);
        int lostEnd = Math.min(end, cells - shift);
        for (int s = 0; s < n; s++) {
            int row = s * cells;
            for (int c = 0; c < newEnd; c++) {
                next[row + c] = 0;
            }
        }
        if (!renewing) {
            stepGeneral(t, n, cells, end, lostEnd, shift);
            stepOverflowGeneral(t, n, data);
        } else {
            if (gap < factored.length) {
                stepFactored(t, factored[gap], gap, n, cells, end, lostEnd, shift);
            } else {
                stepDense(t, n, cells, end, lostEnd, shift);
            }
            stepOverflow(t, n, data, gap < factored.length ? gap : -1);
        }
        double[] x = cur;
        cur = next;
        next = x;
        sweep(n, cells, rows, w, newEnd, redundancy);
        return newEnd;
    }

    /** Moves the cells just past R losses (a + b = R + 1) into the overflow. */
    private void sweep(int n, int cells, int rows, int w, int end, int redundancy) {
        for (int a = 0; a <= redundancy + 1; a++) {
            int b = redundancy + 1 - a;
            if (b >= w || a >= rows) {
                continue;
            }
            int c = b * rows + a;
            if (c >= end) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                double v = cur[k * cells + c];
                if (v != 0) {
                    overMass[k] += v;
                    overData[k] += a * v;
                    cur[k * cells + c] = 0;
                }
            }
        }
    }

    /**
     * The overflow through one carried slot: its mass moves like any cell; a lost data packet
     * adds to its data loss. For an extended Gilbert chain and a gap with a factored transfer
     * ({@code gilbertGap} &gt;= 0) a loss from state k can only end in states 1..gap or
     * min(k + gap + 1, n - 1) (see {@link ChainTables#lostTransfers}): every other entry of the
     * transfer's row is an exact zero, so only those are added, each sum still over k in order.
     */
    private void stepOverflow(double[] t, int n, boolean data, int gilbertGap) {
        for (int s = 0; s < n; s++) {
            overMassNext[s] = 0;
            overDataNext[s] = 0;
        }
        for (int k = 0; k < n; k++) {
            double mass = overMass[k];
            double lostData = overData[k];
            if (mass == 0 && lostData == 0) {
                continue;
            }
            double keep = t[k];
            overMassNext[0] += mass * keep;
            overDataNext[0] += lostData * keep;
            int lostRow = n + k * n;
            double lostAfter = lostData + (data ? mass : 0);
            if (gilbertGap >= 0) {
                int run = Math.min(k + gilbertGap + 1, n - 1);
                overMassNext[run] += mass * t[lostRow + run];
                overDataNext[run] += lostAfter * t[lostRow + run];
            }
            // no test for zero coefficients: adding a product with 0 leaves these non-negative sums
            // exactly as they are, and a loop without branches runs in vector instructions
            int to = gilbertGap >= 0 ? gilbertGap + 1 : n;
            for (int s = gilbertGap >= 0 ? 1 : 0; s < to; s++) {
                double lose = t[lostRow + s];
                overMassNext[s] += mass * lose;
                overDataNext[s] += lostAfter * lose;
            }
        }
        System.arraycopy(overMassNext, 0, overMass, 0, n);
        System.arraycopy(overDataNext, 0, overData, 0, n);
    }

    /**
     * One carried slot of a chain that need not renew on reception, with its full transfer
     * ({@link ChainTables#fullTransfers}): 2 n x n products per cell.
     */
    private void stepGeneral(double[] t, int n, int cells, int end, int lostEnd, int shift) {
        int lostBase = n * n;
        for (int k = 0; k < n; k++) {
            int from = k * cells;
            for (int s = 0; s < n; s++) {
                double keep = t[k * n + s];
                if (keep != 0) {
                    int to = s * cells;
                    for (int c = 0; c < end; c++) {
                        next[to + c] += cur[from + c] * keep;
                    }
                }
                double lose = t[lostBase + k * n + s];
                if (lose != 0) {
                    int to = s * cells + shift;
                    for (int c = 0; c < lostEnd; c++) {
                        next[to + c] += cur[from + c] * lose;
                    }
                }
            }
        }
    }

    /** {@link #stepOverflow} with a full transfer. */
    private void stepOverflowGeneral(double[] t, int n, boolean data) {
        for (int s = 0; s < n; s++) {
            overMassNext[s] = 0;
            overDataNext[s] = 0;
        }
        int lostBase = n * n;
        for (int k = 0; k < n; k++) {
            double mass = overMass[k];
            double lostData = overData[k];
            if (mass == 0 && lostData == 0) {
                continue;
            }
            double lostAfter = lostData + (data ? mass : 0);
            for (int s = 0; s < n; s++) {
                double keep = t[k * n + s];
                double lose = t[lostBase + k * n + s];
                overMassNext[s] += mass * keep + mass * lose;
                overDataNext[s] += lostData * keep + lostAfter * lose;
            }
        }
        System.arraycopy(overMassNext, 0, overMass, 0, n);
        System.arraycopy(overDataNext, 0, overData, 0, n);
    }

    /** One carried slot with the dense transfer: n x n products per cell. */
    private void stepDense(double[] t, int n, int cells, int end, int lostEnd, int shift) {
        for (int k = 0; k < n; k++) {
            int from = k * cells;
            double keep = t[k];
            for (int c = 0; c < end; c++) {
                next[c] += cur[from + c] * keep;
            }
            int lostRow = n + k * n;
            for (int s = 1; s < n; s++) {
                double lose = t[lostRow + s];
                if (lose != 0) {
                    int to = s * cells + shift;
                    for (int c = 0; c < lostEnd; c++) {
                        next[to + c] += cur[from + c] * lose;
                    }
                }
            }
            if (n == 1) {
                double lose = t[lostRow];
                for (int c = 0; c < lostEnd; c++) {
                    next[shift + c] += cur[c] * lose;
                }
            }
        }
    }

    /**
     * One carried slot after {@code gap} uncarried ones with the factored transfer
     * ({@link ChainTables#lostTransfers}): (gap + 2) x n products per cell instead of n x n.
     */
    private void stepFactored(double[] t, double[] f, int gap, int n, int cells, int end, int lostEnd, int shift) {
        for (int k = 0; k < n; k++) {
            int from = k * cells;
            double keep = t[k];
            for (int c = 0; c < end; c++) {
                next[c] += cur[from + c] * keep;
            }
        }
        for (int s = 1; s <= gap; s++) {
            int to = s * cells + shift;
            int coefficients = (s - 1) * n;
            for (int k = 0; k < n; k++) {
                double a = f[coefficients + k];
                if (a != 0) {
                    int from = k * cells;
                    for (int c = 0; c < lostEnd; c++) {
                        next[to + c] += cur[from + c] * a;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            double b = f[gap * n + k];
            if (b != 0) {
                int from = k * cells;
                int to = Math.min(k + gap + 1, n - 1) * cells + shift;
                for (int c = 0; c < lostEnd; c++) {
                    next[to + c] += cur[from + c] * b;
                }
            }
        }
    }

    /** Sums the states out into {@code path} (a + b &lt;= R, the group's row width) and the overflow. */
    private void collect(int n, int d, int r, int rows, int cells, int end, int width) {
        int redundancy = width - 1;
        Arrays.fill(path, 0, width * width, 0);
        pathMaxA = Math.min(d, redundancy);
        pathMaxB = Math.min(r, redundancy);
        for (int a = 0; a <= Math.min(d, redundancy); a++) {
            for (int b = 0; b <= Math.min(r, redundancy - a); b++) {
                int c = b * rows + a;
                if (c < end) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += cur[k * cells + c];
                    }
                    path[a * width + b] = sum;
                }
            }
        }
        double mass = 0;
        double data = 0;
        for (int k = 0; k < n; k++) {
            mass += overMass[k];
            data += overData[k];
        }
        pathOverMass = mass;
        pathOverData = data;
    }

    /**
     * acc := acc combined with path over a1 + b1 + a2 + b2 &lt;= R; returns {mass, expected data
     * loss} of everything that combined beyond R, including acc's cells against the path's
     * own overflow.
     */
    private double[] convolve(int width, int redundancy) {
        Arrays.fill(accNext, 0, width * width, 0);
        double mass = 0;
        double data = 0;
        for (int a1 = 0; a1 <= accMaxA; a1++) {
            for (int b1 = 0; b1 <= accMaxB && a1 + b1 <= redundancy; b1++) {
                double x = acc[a1 * width + b1];
                if (x == 0) {
                    continue;
                }
                mass += x * pathOverMass;
                data += x * (a1 * pathOverMass + pathOverData);
                int room = redundancy - a1 - b1;
                for (int a2 = 0; a2 <= pathMaxA; a2++) {
                    int row = a2 * width;
                    int last = Math.min(pathMaxB, redundancy - a2);
                    // b2 up to here stays within R: no test per cell (adding x * 0 leaves a cell as it is)
                    int within = Math.min(last, room - a2);
                    int to = (a1 + a2) * width + b1;
                    for (int b2 = 0; b2 <= within; b2++) {
                        accNext[to + b2] += x * pathCells[row + b2];
                    }
                    // the rest goes beyond R, in the same order of additions as cell by cell
                    double lost = a1 + a2;
                    for (int b2 = Math.max(0, within + 1); b2 <= last; b2++) {
                        double y = pathCells[row + b2];
                        mass += x * y;
                        data += lost * x * y;
                    }
                }
            }
        }
        double[] t = acc;
        acc = accNext;
        accNext = t;
        accMaxA = Math.min(redundancy, accMaxA + pathMaxA);
        accMaxB = Math.min(redundancy, accMaxB + pathMaxB);
        return new double[] {mass, data};
    }

    /**
     * The expected data loss of what the last path pushes beyond R: for acc's cells, the last
     * path's overflow, and its cells with a2 + b2 &gt; R - a1 - b1, via tail sums accumulated
     * from the largest loss count down (never as a total minus the rest, so tiny tails stay
     * exact).
     */
    private double finish(int width, int redundancy) {
        for (int t = 0; t <= redundancy + 2; t++) {
            tailMass[t] = 0;
            tailData[t] = 0;
        }
        for (int a = 0; a <= pathMaxA; a++) {
            for (int b = 0; b <= pathMaxB && a + b <= redundancy; b++) {
                double v = pathCells[a * width + b];
                if (v != 0) {
                    tailMass[a + b] += v;
                    tailData[a + b] += a * v;
                }
            }
        }
        for (int t = redundancy; t >= 0; t--) {
            tailMass[t] += tailMass[t + 1];
            tailData[t] += tailData[t + 1];
        }
        double sum = 0;
        for (int a1 = 0; a1 <= accMaxA; a1++) {
            for (int b1 = 0; b1 <= accMaxB && a1 + b1 <= redundancy; b1++) {
                double x = acc[a1 * width + b1];
                if (x == 0) {
                    continue;
                }
                int beyond = redundancy - a1 - b1 + 1;
                sum += x * (a1 * pathOverMass + pathOverData + a1 * tailMass[beyond] + tailData[beyond]);
            }
        }
        return sum;
    }
}
