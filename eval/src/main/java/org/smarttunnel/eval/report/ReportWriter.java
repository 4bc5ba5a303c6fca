package org.smarttunnel.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.eval.experiment.Combination;
import org.smarttunnel.eval.experiment.Experiment;
import org.smarttunnel.eval.experiment.ExperimentRow;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.PathPool;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.replay.alloc.Allocator;

/**
 * {@code report.md}: the run's parameters and dataset, the cells, and the tables laid out like
 * the paper's (allocators as rows, K and G as columns, G descending as the paper prints them),
 * with the paper's published value in parentheses wherever the paper has that cell; then
 * findings computed from the tables, the charts, and the files. Nothing in it depends on the
 * machine or the time, so equal runs give equal reports.
 */
public final class ReportWriter {
    public static final String LOSS_FREE_CHART = "loss_free.svg";

    private final Tables t;
    private final ExperimentOptions o;
    private final Experiment.Result run;
    private final String data;
    private final StringBuilder md = new StringBuilder();

    private final String reproduce;

    private ReportWriter(Tables t, Experiment.Result run, String data, String reproduce) {
        this.reproduce = reproduce;
        this.t = t;
        this.o = t.options();
        this.run = run;
        this.data = data;
    }

    public static String lossRateChart(FitMode mode) {
        return "loss_rate_" + mode.id() + ".svg";
    }

    /**
     * The report of a run on the dataset at {@code data} (as the user named it); {@code reproduce}
     * is the command line that gives the same run.
     */
    public static String write(Tables t, Experiment.Result run, String data, String reproduce) {
        return new ReportWriter(t, run, data, reproduce).render();
    }

    private String render() {
        md.append("# SmartTunnel trace-driven evaluation\n\n");
        parameters();
        dataset();
        cells();
        tableII();
        lossFreeTables();
        meanLossTables();
        expectedLoss();
        findings();
        charts();
        files();
        return md.toString();
    }

    private void parameters() {
        md.append("Reproduce with:\n\n```sh\n").append(reproduce).append("\n```\n\n");
        md.append("FEC groups of ").append(o.group()).append(" packets, K of them redundant; tunnels of N paths to one "
                + "site from N different hosts, G of them low-loss (whole-trace loss rate below ")
                .append(percent(o.lowLoss())).append("); ").append(o.runs()).append(" seeded combinations per cell "
                        + "(N, G), each replayed at every K; intervals of ")
                .append(Durations.format(o.intervalUs() * 1000)).append("; predictions pool the previous ")
                .append(o.replay().models().history()).append(" intervals (METHOD sections 2-7). The number of threads does not change "
                        + "any result.\n\n");
    }

    private void dataset() {
        PathPool pool = run.pool();
        double meanRate = pool.traces().stream().mapToDouble(PathPool.PoolTrace::lossRate).average().orElse(0);
        md.append("## Dataset\n\n");
        md.append(Markdown.table(List.of("", "this run", "paper"), List.of(
                List.of("traces (paths)", Long.toString(pool.traces().size()), "57 hosts x 55 sites"),
                List.of("hosts / sites", pool.hostCount() + " / " + pool.sites().size(), "57 / 55"),
                List.of("low-loss paths (P)", pool.lowCount() + " (" + number(t.pLow()) + ")", "78.5% (0.785)"),
                List.of("probes / lost", pool.probes() + " / " + pool.lost(), "over a billion packets"),
                List.of("mean loss rate of the paths", number(meanRate), "0.0175"))));
        md.append('\n');
    }

    private void cells() {
        md.append("## Cells\n\nPossible sets counts every choice of N traces to one site from N different hosts with "
                + "exactly G low-loss ones; runs are the ones drawn. Intervals are per allocator.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Experiment.Cell c : run.cells()) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(c.n()), Integer.toString(c.g()),
                    String.format(Locale.ROOT, "%.0f", c.possible()), Integer.toString(c.combinations().size())));
            for (FitMode m : o.modeOrder()) {
                r.add(Long.toString(t.stat(c.n(), o.redundancies().get(0), c.g(), m, o.allocators().get(0).id())
                        .map(Tables.Stat::intervals).orElse(0L)));
            }
            rows.add(r);
        }
        List<String> header = new ArrayList<>(List.of("N", "G", "possible sets", "runs"));
        o.modeOrder().forEach(m -> header.add(m.id() + " intervals"));
        md.append(Markdown.table(header, rows)).append('\n');
        List<String> empty = run.emptyCells();
        md.append(empty.isEmpty() ? "Every cell has combinations.\n\n"
                : "No combination exists for " + String.join(", ", empty) + ": those cells are empty (-) below, "
                        + "and so are the per-N values that need them.\n\n");
    }

    private void tableII() {
        md.append("## Probability of a loss-free interval (Table II)\n\nOver random N-path tunnels: the cells' "
                + "loss-free shares weighted by C(N,G) P^G (1-P)^(N-G). In parentheses SmartTunnel's value in the "
                + "paper, which does not say for which K.\n\n");
        perPathsTables((m, n, k, a) -> withPaper(fixed(t.lossFreeProbability(n, k, m, a), 4),
                PaperTables.lossFreeProbability(m, n, a, o.group()), 4));
    }

    private void lossFreeTables() {
        md.append("## Loss-free intervals per cell, % (Tables III, IV, VII, VIII)\n\nIn parentheses the paper's value "
                + "(Tables III and IV oracle, VII and VIII predicted; 2 and 3 paths).\n\n");
        for (FitMode m : o.modeOrder()) {
            for (int n : o.paths()) {
                md.append("**").append(m.id()).append(", ").append(n).append(" paths**\n\n");
                md.append(Markdown.table(cellHeader(n), cellRows(n, m, (a, k, g) -> {
                    String ours = t.stat(n, k, g, m, a).map(s -> String.format(Locale.ROOT, "%.2f",
                            100.0 * s.lossFreeShare())).orElse("-");
                    return withPaper(ours, PaperTables.lossFreePct(m, n, k, g, a, o.group()), 2);
                }))).append('\n');
            }
        }
    }

    private void meanLossTables() {
        md.append("## Mean loss rate after FEC per cell (Tables V, VI)\n\nThe mean over intervals of data lost / data "
                + "sent. In parentheses SmartTunnel's value in the paper (oracle, 2 and 3 paths).\n\n");
        for (FitMode m : o.modeOrder()) {
            for (int n : o.paths()) {
                md.append("**").append(m.id()).append(", ").append(n).append(" paths**\n\n");
                md.append(Markdown.table(cellHeader(n), cellRows(n, m, (a, k, g) -> {
                    String ours = t.stat(n, k, g, m, a).map(s -> rate(s.meanLossRate())).orElse("-");
                    OptionalDouble paper = PaperTables.meanLoss(m, n, k, g, a, o.group());
                    return paper.isPresent() ? ours + " (" + rate(paper.getAsDouble()) + ")" : ours;
                }))).append('\n');
            }
        }
    }

    private void expectedLoss() {
        md.append("## Expected loss L(N,K)\n\nSum over G of the cell's mean loss rate times C(N,G) P^G (1-P)^(N-G), "
                + "P = ").append(number(t.pLow())).append(" (this dataset's low-loss share). In parentheses the "
                        + "value the paper's Tables V and VI give with its P = 0.785 (it states L(2,7) = 8e-4 and "
                        + "L(3,14) = 5e-5).\n\n");
        perPathsTables((m, n, k, a) -> {
            OptionalDouble l = t.expectedLoss(n, k, m, a);
            OptionalDouble paper = PaperTables.expectedLoss(m, n, k, a, o.group());
            String ours = l.isPresent() ? rate(l.getAsDouble()) : "-";
            return paper.isPresent() ? ours + " (" + rate(paper.getAsDouble()) + ")" : ours;
        });
    }

    private interface PerPathsText {
        String of(FitMode mode, int n, int k, String allocator);
    }

    /** Per mode, a table with allocators as rows and (N, K) as columns. */
    private void perPathsTables(PerPathsText text) {
        for (FitMode m : o.modeOrder()) {
            md.append("**").append(m.id()).append("**\n\n");
            List<String> header = new ArrayList<>(List.of("allocator"));
            for (int n : o.paths()) {
                for (int k : o.redundancies()) {
                    header.add("N=" + n + " K=" + k);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            for (Allocator a : o.allocators()) {
                List<String> r = new ArrayList<>(List.of(a.id()));
                for (int n : o.paths()) {
                    for (int k : o.redundancies()) {
                        r.add(text.of(m, n, k, a.id()));
                    }
                }
                rows.add(r);
            }
            md.append(Markdown.table(header, rows)).append('\n');
        }
    }

    /** The paper's qualitative claims, checked on this run's tables. */
    private void findings() {
        List<String> family = ids("smarttunnel", "smarttunnel-exact");
        List<String> others = ids("rr", "greedy", "mkwnu");
        md.append("## Findings\n\nComputed from the tables above (a cell counts when it has intervals).\n\n");
        for (FitMode m : o.modeOrder()) {
            if (!family.isEmpty() && !others.isEmpty()) {
                int ahead = 0;
                int cells = 0;
                List<String> behind = new ArrayList<>();
                for (int n : o.paths()) {
                    for (int k : o.redundancies()) {
                        for (int g = 0; g <= n; g++) {
                            double best = best(family, n, k, g, m);
                            double rival = best(others, n, k, g, m);
                            if (Double.isNaN(best) || Double.isNaN(rival)) {
                                continue;
                            }
                            cells++;
                            if (best >= rival) {
                                ahead++;
                            } else {
                                behind.add(String.format(Locale.ROOT, "N=%d K=%d G=%d (%.2f vs %.2f)", n, k, g,
                                        100 * best, 100 * rival));
                            }
                        }
                    }
                }
                md.append("- ").append(m.id()).append(": the better of ").append(String.join(" and ", family))
                        .append(" has at least the loss-free share of the best of ").append(String.join(", ", others))
                        .append(" in ").append(ahead).append(" of ").append(cells).append(" cells")
                        .append(behind.isEmpty() ? "." : "; not in " + String.join(", ", behind) + ".").append('\n');
            }
            for (Allocator a : o.allocators()) {
                int[] byK = monotone(a.id(), m, true);
                int[] byG = monotone(a.id(), m, false);
                md.append("- ").append(m.id()).append(", ").append(a.id()).append(": loss-free share grows (or holds) "
                        + "with K in ").append(byK[0]).append(" of ").append(byK[1]).append(" steps and with G in ")
                        .append(byG[0]).append(" of ").append(byG[1]).append(" steps.\n");
            }
        }
        md.append('\n');
    }

    private List<String> ids(String... wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (o.allocators().stream().anyMatch(a -> a.id().equals(w))) {
                out.add(w);
            }
        }
        return out;
    }

    private double best(List<String> allocators, int n, int k, int g, FitMode m) {
        double best = Double.NaN;
        for (String a : allocators) {
            Optional<Tables.Stat> s = t.stat(n, k, g, m, a);
            if (s.isPresent() && (Double.isNaN(best) || s.get().lossFreeShare() > best)) {
                best = s.get().lossFreeShare();
            }
        }
        return best;
    }

    /** {grows or holds, steps}: along K (fixed N, G) or along G (fixed N, K). */
    private int[] monotone(String allocator, FitMode m, boolean alongK) {
        int holds = 0;
        int steps = 0;
        List<Integer> ks = o.redundancies().stream().sorted().toList();
        int dk = alongK ? 1 : 0;
        int dg = alongK ? 0 : 1;
        for (int n : o.paths()) {
            for (int i = dk; i < ks.size(); i++) {
                for (int g = dg; g <= n; g++) {
                    Optional<Tables.Stat> a = t.stat(n, ks.get(i - dk), g - dg, m, allocator);
                    Optional<Tables.Stat> b = t.stat(n, ks.get(i), g, m, allocator);
                    if (a.isPresent() && b.isPresent()) {
                        steps++;
                        holds += b.get().lossFreeShare() >= a.get().lossFreeShare() ? 1 : 0;
                    }
                }
            }
        }
        return new int[] {holds, steps};
    }

    private void charts() {
        md.append("## Charts\n\n![Loss-free intervals per allocator, N and K](").append(LOSS_FREE_CHART)
                .append(")\n\n");
        for (FitMode m : o.modeOrder()) {
            md.append("![Mean loss rate after FEC by G, ").append(m.id()).append("](").append(lossRateChart(m))
                    .append(")\n\n");
        }
    }

    private void files() {
        md.append("## Files\n\n");
        md.append("- `replay.csv`: every replayed interval (`").append(header(ExperimentRow.TABLE)).append("`)\n");
        md.append("- `combinations.csv`: the tunnels drawn (`").append(header(Combination.TABLE)).append("`)\n");
        for (TableSpec<?> table : List.of(Tables.LOSS_FREE, Tables.MEAN_LOSS, Tables.BY_PATHS, Tables.EXPECTED_LOSS)) {
            md.append("- `").append(table.name()).append("`: `").append(header(table)).append("`\n");
        }
    }

    private interface CellText {
        String of(String allocator, int k, int g);
    }

    private List<String> cellHeader(int n) {
        List<String> header = new ArrayList<>(List.of("allocator"));
        for (int k : o.redundancies()) {
            for (int g = n; g >= 0; g--) {
                header.add("K=" + k + " G=" + g);
            }
        }
        return header;
    }

    private List<List<String>> cellRows(int n, FitMode m, CellText text) {
        List<List<String>> rows = new ArrayList<>();
        for (Allocator a : o.allocators()) {
            List<String> r = new ArrayList<>(List.of(a.id()));
            for (int k : o.redundancies()) {
                for (int g = n; g >= 0; g--) {
                    r.add(text.of(a.id(), k, g));
                }
            }
            rows.add(r);
        }
        return rows;
    }

    private static String withPaper(String ours, OptionalDouble paper, int decimals) {
        return paper.isPresent() ? ours + " (" + String.format(Locale.ROOT, "%." + decimals + "f", paper.getAsDouble())
                + ")" : ours;
    }

    private static String fixed(OptionalDouble v, int decimals) {
        return v.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", v.getAsDouble()) : "-";
    }

    /** A loss rate as the paper prints them: 0.0101, 0.0009, 2.6e-5; 0 as 0. */
    static String rate(double v) {
        if (v == 0) {
            return "0";
        }
        if (v >= 1e-4) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String number(double v) {
        return Numbers.number(v);
    }

    private static String header(TableSpec<?> table) {
        return String.join(",", table.header());
    }

    private static String percent(double v) {
        return number(100 * v) + "%";
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
