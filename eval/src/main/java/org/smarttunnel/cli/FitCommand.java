package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.fitting.model.Netem;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.fitting.predict.IntervalModel;
import org.smarttunnel.fitting.predict.StateChoice;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.ingest.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fit loss models to every interval of a trace dataset.", "",
                "Writes one row per (trace, interval, mode): ORACLE fits each interval on its own probes, PREDICTED "
                        + "fits interval k on the pooled transition counts of the previous --history intervals "
                        + "(interval 0 has no predicted row). Prints how often the history's loss rate predicts the "
                        + "interval's (Fisher's exact test). With --netem, prints the netem command emulating one "
                        + "trace instead.", ""})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Trace dataset (from 'import').")
    Path data;

    @Option(names = "--states", paramLabel = "N|auto",
            description = "Model states: 1 (Bernoulli), 2 (Gilbert) up to 16, or auto: the smallest n telling apart "
                    + "99%% of the burst lengths (default: auto; with --netem 2).")
    String states;

    @Option(names = "--interval", defaultValue = "40s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Interval length (default: ${DEFAULT-VALUE}).")
    long intervalNs;

    @Option(names = "--history", defaultValue = "8", paramLabel = "H",
            description = "Intervals of history a prediction pools (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE",
            description = "oracle, predicted or both (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--level", defaultValue = "0.05", paramLabel = "P",
            description = "Significance level: a prediction holds when Fisher's exact test gives p >= P "
                    + "(default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file for the fits.")
    Path out;

    @Option(names = "--netem", paramLabel = "TRACE", description = "Print the netem command for this trace (whole trace).")
    String netem;

    @Option(names = "--dev", defaultValue = "eth0", paramLabel = "DEVICE",
            description = "Network device in the netem command (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws IOException, IngestException {
        long intervalUs = Converters.micros(intervalNs, "--interval");
        TraceDataset ds = TraceDataset.open(data);
        if (netem != null) {
            return netem(ds);
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required (or --netem TRACE)");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level must lie between 0 and 1");
        }
        StateChoice choice = StateChoice.parse(states == null ? "auto" : states);
        Set<FitMode> modes = modes(mode);
        List<IntervalModel> rows = new ArrayList<>();
        List<Predictability> predictability = new ArrayList<>();
        Map<Integer, Integer> statesUsed = new TreeMap<>();
        for (TraceSummary t : ds.traces()) {
            Trace trace = ds.load(t.id());
            IntervalFits fits = new IntervalFits(trace, intervalUs);
            for (IntervalModel m : fits.models(modes, choice, history)) {
                rows.add(m);
                statesUsed.merge(m.states(), 1, Integer::sum);
            }
            int tested = 0;
            int holds = 0;
            for (double p : fits.predictability(history)) {
                if (!Double.isNaN(p)) {
                    tested++;
                    holds += p >= level ? 1 : 0;
                }
            }
            predictability.add(new Predictability(t.id(), tested, holds));
        }
        CsvTables.write(out, IntervalModel.TABLE, rows);
        print(ds, rows.size(), choice, predictability, statesUsed);
        return 0;
    }

    static Set<FitMode> modes(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "oracle" -> EnumSet.of(FitMode.ORACLE);
            case "predicted" -> EnumSet.of(FitMode.PREDICTED);
            case "both" -> EnumSet.allOf(FitMode.class);
            default -> throw new IllegalArgumentException("--mode must be oracle, predicted or both, not '" + text + "'");
        };
    }

    private record Predictability(String trace, int tested, int holds) {
        String share() {
            return tested == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * holds / tested);
        }
    }

    private void print(TraceDataset ds, int rows, StateChoice choice, List<Predictability> p,
            Map<Integer, Integer> statesUsed) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Fitted %d traces of %s (%s intervals, history %d, states %s): %d rows to %s%n",
                ds.traces().size(), data, Durations.format(intervalNs), history, choice, rows, out);
        StringBuilder used = new StringBuilder("States used:");
        statesUsed.forEach((n, c) -> used.append(" n=").append(n).append(" in ").append(c).append(c == 1 ? " row," : " rows,"));
        o.println(used.substring(0, used.length() - 1));
        int tested = p.stream().mapToInt(Predictability::tested).sum();
        int holds = p.stream().mapToInt(Predictability::holds).sum();
        o.printf(Locale.ROOT, "%nPrediction holds (Fisher's exact test of the loss counts, p >= %s) in %d of %d intervals%s:%n",
                Numbers.number(level), holds, tested, tested == 0 ? ""
                        : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * holds / tested));
        TerminalTable.print(o, List.of(Column.text("trace", Predictability::trace),
                Column.integer("tested", "intervals", Predictability::tested),
                Column.integer("holds", "intervals", Predictability::holds),
                Column.formatted("share", "%", Predictability::share)), p);
    }

    private int netem(TraceDataset ds) throws IOException, IngestException {
        StateChoice choice = StateChoice.parse(states == null ? "2" : states);
        Trace trace = ds.load(netem);
        TransitionCounts counts = TransitionCounts.of(trace.loss());
        int n = choice.resolve(counts);
        if (n > 2) {
            throw new IllegalArgumentException("netem has no " + n + "-state extended Gilbert model; use --states 1 or 2");
        }
        var model = counts.fit(n);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "# %s: %d probes, %d lost (%s), %s fit: q = %s%n", trace.id(), counts.probes(),
                counts.losses(), ImportCommand.percent(counts.losses(), counts.probes()),
                n == 1 ? "Bernoulli" : "2-state Gilbert", IntervalModel.qText(model));
        o.println(Netem.command(model, device));
        return 0;
    }
}
