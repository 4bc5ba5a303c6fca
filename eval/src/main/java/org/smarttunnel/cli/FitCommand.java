package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.text.Numbers;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.Netem;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.fitting.model.TransitionCounts;
import org.smarttunnel.fitting.predict.FitOptions;
import org.smarttunnel.fitting.predict.IntervalFits;
import org.smarttunnel.fitting.predict.IntervalModel;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceSummary;
import org.smarttunnel.ingest.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fit", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fit loss models to every interval of a trace dataset.", "",
                "Writes one row per (trace, interval, mode): oracle fits each interval on its own probes, predicted "
                        + "fits interval k on the pooled transition counts of the --history intervals before it "
                        + "(interval 0 has no predicted row). Prints how often the history's loss rate predicts the "
                        + "interval's (Fisher's exact test). With --netem, prints the netem command emulating one "
                        + "trace instead.", ""})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetMixin data;

    @Mixin
    ModelMixin model;

    @Option(names = "--level", defaultValue = "" + Defaults.LEVEL, paramLabel = "LEVEL",
            description = "Significance level: a prediction holds when Fisher's exact test gives p >= LEVEL "
                    + "(default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file for the fits.")
    Path out;

    @Option(names = "--netem", paramLabel = "TRACE",
            description = "Print the netem command for this trace (whole trace; 2 states when --states is auto).")
    String netem;

    @Option(names = "--dev", defaultValue = Defaults.DEVICE, paramLabel = "DEVICE",
            description = "Network device in the netem command (default: ${DEFAULT-VALUE}).")
    String device;

    FitOptions options() {
        return FitOptions.builder().models(model.options()).level(level).device(device).build();
    }

    @Override
    public Integer call() throws IOException, IngestException {
        FitOptions o = options();
        TraceDataset ds = data.open();
        if (netem != null) {
            return netem(ds, o);
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required (or --netem TRACE)");
        }
        ModelOptions m = o.models();
        long intervalUs = m.intervalUs(ds.intervalUs());
        List<IntervalModel> rows = new ArrayList<>();
        List<Predictability> predictability = new ArrayList<>();
        Map<Integer, Integer> statesUsed = new TreeMap<>();
        for (TraceSummary t : ds.traces()) {
            Trace trace = ds.load(t.id());
            IntervalFits fits = new IntervalFits(trace, intervalUs);
            for (IntervalModel im : fits.models(m.modes(), m.states(), m.history())) {
                rows.add(im);
                statesUsed.merge(im.states(), 1, Integer::sum);
            }
            int tested = 0;
            int holds = 0;
            for (double p : fits.predictability(m.history())) {
                if (!Double.isNaN(p)) {
                    tested++;
                    holds += p >= o.level() ? 1 : 0;
                }
            }
            predictability.add(new Predictability(t.id(), tested, holds));
        }
        CsvTables.write(out, IntervalModel.TABLE, rows);
        print(ds, o, intervalUs, rows.size(), predictability, statesUsed);
        return 0;
    }

    private record Predictability(String trace, int tested, int holds) {
        String share() {
            return tested == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * holds / tested);
        }
    }

    private void print(TraceDataset ds, FitOptions o, long intervalUs, int rows, List<Predictability> p,
            Map<Integer, Integer> statesUsed) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Fitted %d traces of %s (%s intervals, history %d, states %s): %d rows to %s%n",
                ds.traces().size(), data.data, Durations.format(intervalUs * 1000), o.models().history(),
                o.models().states(), rows, out);
        StringBuilder used = new StringBuilder("States used:");
        statesUsed.forEach((n, c) -> used.append(" n=").append(n).append(" in ").append(c).append(c == 1 ? " row," : " rows,"));
        w.println(used.substring(0, used.length() - 1));
        int tested = p.stream().mapToInt(Predictability::tested).sum();
        int holds = p.stream().mapToInt(Predictability::holds).sum();
        w.printf(Locale.ROOT, "%nPrediction holds (Fisher's exact test of the loss counts, p >= %s) in %d of %d intervals%s:%n",
                Numbers.number(o.level()), holds, tested, tested == 0 ? ""
                        : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * holds / tested));
        TerminalTable.print(w, List.of(Column.text("trace", Predictability::trace),
                Column.integer("tested", "intervals", Predictability::tested),
                Column.integer("holds", "intervals", Predictability::holds),
                Column.formatted("share", "%", Predictability::share)), p);
    }

    /** The whole trace's model as a netem command: 2 states unless fixed to 1. */
    private int netem(TraceDataset ds, FitOptions o) throws IOException, IngestException {
        StateChoice choice = o.models().states().auto() ? StateChoice.of(2) : o.models().states();
        InvalidSettingException.require(choice.fixed() <= 2, Setting.STATES, "must be 1 or 2 for netem, which has no "
                + choice.fixed() + "-state extended Gilbert model");
        Trace trace = ds.load(netem);
        TransitionCounts counts = TransitionCounts.of(trace.loss());
        GilbertModel fitted = counts.fit(choice.fixed());
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "# %s: %d probes, %d lost (%s), %s fit: q = %s%n", trace.id(), counts.probes(),
                counts.losses(), ImportCommand.percent(counts.losses(), counts.probes()),
                choice.fixed() == 1 ? "Bernoulli" : "2-state Gilbert", IntervalModel.qText(fitted));
        w.println(Netem.command(fitted, o.device()));
        return 0;
    }
}
