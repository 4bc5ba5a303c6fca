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
import org.smarttunnel.fitting.model.GilbertElliott;
import org.smarttunnel.fitting.model.GilbertElliottFit;
import org.smarttunnel.fitting.model.GilbertModel;
import org.smarttunnel.fitting.model.ModelSelection;
import org.smarttunnel.fitting.model.Ns3;
import org.smarttunnel.fitting.model.RunLengths;
import org.smarttunnel.eval.report.RunLengthCharts;
import org.smarttunnel.fitting.model.MarkovLoss;
import org.smarttunnel.fitting.model.Netem;
import org.smarttunnel.fitting.model.NetemFourState;
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
                        + "interval's (Fisher's exact test). With --select, also fits every trace whole by each "
                        + "loss model and chooses among them by AIC and BIC. With --netem, prints the netem command "
                        + "emulating one trace instead.", ""})
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

    @Option(names = "--select", paramLabel = "FILE",
            description = "CSV file for model selection: every trace fitted whole by Bernoulli, Gilbert, the extended "
                    + "Gilbert model (automatic states, when more than 2) and Gilbert-Elliott (EM), with "
                    + "log-likelihood, AIC and BIC; prints each trace's choice.")
    Path select;

    @Option(names = "--histograms", paramLabel = "FILE",
            description = "CSV file of every trace's burst and gap lengths by length bin, observed and as each model "
                    + "fitted to the whole trace implies; prints each model's distance (total variation) from them.")
    Path histograms;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "With --histograms: a chart per trace of its burst and gap lengths beside each model's "
                    + "(TRACE.svg) and histograms.md, a page with every trace's distances and chart, into DIR.")
    Path charts;

    @Option(names = "--netem-model", defaultValue = "gilbert", paramLabel = "MODEL",
            description = "Model of the --netem command: gilbert (the 2-state fit, or Bernoulli with --states 1), "
                    + "gilbert-elliott (4 parameters by EM) or state (netem's 4-state model from the 3-state extended "
                    + "Gilbert fit, where it maps) (default: ${DEFAULT-VALUE}).")
    String netemModel;

    @Option(names = "--ns3", paramLabel = "TRACE",
            description = "Print ns-3 C++ lines building a BurstErrorModel from this trace's model (whole trace; "
                    + "burst rate q0, burst sizes from the fitted burst lengths).")
    String ns3;

    @Option(names = "--ns3-drops", paramLabel = "FILE",
            description = "With --ns3: write the 0-based indices of the trace's lost probes, one per line, for ns-3's "
                    + "ReceiveListErrorModel (replays the measured losses exactly).")
    Path ns3Drops;

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
        if (!List.of("gilbert", "gilbert-elliott", "state").contains(netemModel)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--netem-model must be gilbert, "
                    + "gilbert-elliott or state, not '" + netemModel + "'");
        }
        if (netem != null) {
            return netem(ds, o);
        }
        if (ns3 != null) {
            return ns3(ds, o);
        }
        if (ns3Drops != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ns3-drops needs --ns3 TRACE");
        }
        if (charts != null && histograms == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--charts needs --histograms FILE");
        }
        if (out == null && select == null && histograms == null) {
            throw new IllegalArgumentException("--out FILE is required (or --select FILE, --histograms FILE, or --netem "
                    + "TRACE)");
        }
        if (select != null || histograms != null) {
            wholeTraces(ds);
        }
        if (out == null) {
            return 0;
        }
        ModelOptions m = o.models();
        long intervalUs = m.intervalUs(ds.intervalUs());
        List<IntervalModel> rows = new ArrayList<>();
        List<Predictability> predictability = new ArrayList<>();
        Map<Used, Integer> statesUsed = new TreeMap<>(java.util.Comparator.comparing(Used::model)
                .thenComparingInt(Used::states));
        for (TraceSummary t : ds.traces()) {
            Trace trace = ds.load(t.id());
            IntervalFits fits = new IntervalFits(trace, intervalUs);
            for (IntervalModel im : fits.models(m)) {
                rows.add(im);
                statesUsed.merge(new Used(im.fitted().model(), im.states()), 1, Integer::sum);
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

    /** A model and its states, as the rows used them. */
    private record Used(String model, int states) {
    }

    private record Predictability(String trace, int tested, int holds) {
        String share() {
            return tested == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * holds / tested);
        }
    }

    private void print(TraceDataset ds, FitOptions o, long intervalUs, int rows, List<Predictability> p,
            Map<Used, Integer> statesUsed) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Fitted %d traces of %s (%s intervals, history %d, model %s, states %s): %d rows to %s%n",
                ds.traces().size(), data.data, Durations.format(intervalUs * 1000), o.models().history(),
                o.models().model().id(), o.models().states(), rows, out);
        StringBuilder used = new StringBuilder("Models used:");
        statesUsed.forEach((u, c) -> used.append(' ').append(u.model()).append(" n=").append(u.states()).append(" in ")
                .append(c).append(c == 1 ? " row," : " rows,"));
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

    /**
     * Every trace fitted whole by every model, for --select and --histograms: each trace read
     * once and its Gilbert-Elliott fit (the costly one) made once for both.
     */
    private void wholeTraces(TraceDataset ds) throws IOException, IngestException {
        List<ModelSelection> selections = new ArrayList<>();
        List<RunLengths.Result> runs = new ArrayList<>();
        for (TraceSummary t : ds.traces()) {
            org.smarttunnel.ingest.trace.LossSequence loss = ds.load(t.id()).loss();
            GilbertElliottFit ge = GilbertElliottFit.of(loss);
            if (select != null) {
                selections.add(ModelSelection.of(t.id(), loss, ge));
            }
            if (histograms != null) {
                runs.add(RunLengths.of(t.id(), loss, ge.model()));
            }
        }
        if (select != null) {
            select(selections);
        }
        if (histograms != null) {
            histograms(runs);
        }
    }

    /** The selection table written, the criteria's choices printed. */
    private void select(List<ModelSelection> all) throws IOException {
        List<ModelSelection.Row> rows = new ArrayList<>();
        for (ModelSelection s : all) {
            rows.addAll(s.rows());
        }
        CsvTables.write(select, ModelSelection.TABLE, rows);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Model selection for %d traces of %s (whole traces; %d rows to %s):%n", all.size(),
                data.data, rows.size(), select);
        TerminalTable.print(w, List.of(Column.text("trace", ModelSelection::trace),
                Column.integer("probes", "probes", ModelSelection::probes),
                Column.integer("lost", "probes", ModelSelection::lost),
                Column.text("by BIC", s -> s.byBic().model()),
                Column.integer("states", "states", s -> s.byBic().states()),
                Column.text("by AIC", s -> s.byAic().model())), all);
        w.println();
    }

    /** The one-way delays of a trace's received probes in µs: their own, else RTT/2 (METHOD section 9). */
    private static double[] oneWayUs(Trace t) {
        double[] out = new double[t.size()];
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.lost(i)) {
                continue;
            }
            if (t.owdUs(i) != org.smarttunnel.ingest.trace.Probe.NO_OWD) {
                out[n++] = t.owdUs(i);
            } else if (t.rttUs(i) != org.smarttunnel.ingest.trace.Probe.NO_RTT) {
                out[n++] = t.rttUs(i) / 2.0;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** ns-3 lines for one trace's model, and its drop list when asked. */
    private int ns3(TraceDataset ds, FitOptions o) throws IOException, IngestException {
        Trace trace = ds.load(ns3);
        TransitionCounts counts = TransitionCounts.of(trace.loss());
        int states = o.models().states().auto() ? Math.max(1, counts.autoStates()) : o.models().states().fixed();
        GilbertModel fitted = counts.fit(states);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "// %s: %d probes, %d lost (%s); %d-state extended Gilbert fit: q = %s%n", trace.id(),
                counts.probes(), counts.losses(), ImportCommand.percent(counts.losses(), counts.probes()), states,
                MarkovLoss.lossText(fitted));
        w.print(Ns3.burstErrorModel(fitted));
        if (ns3Drops != null) {
            String drops = Ns3.dropList(trace.loss());
            org.smarttunnel.common.io.AtomicFiles.write(ns3Drops, out -> out.write(drops));
            w.printf(Locale.ROOT, "// %d lost probes' indices in %s: ReceiveListErrorModel::SetList%n",
                    trace.loss().lossCount(), ns3Drops);
        }
        return 0;
    }

    /** Burst and gap histograms of every trace beside each model's; the distances printed. */
    private void histograms(List<RunLengths.Result> all) throws IOException {
        List<RunLengths.Row> rows = new ArrayList<>();
        for (RunLengths.Result r : all) {
            rows.addAll(r.rows());
        }
        CsvTables.write(histograms, RunLengths.TABLE, rows);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Burst and gap lengths of %d traces of %s (%d rows to %s); distance of each model "
                + "(total variation, 0-1; bernoulli, gilbert, extended Gilbert, Gilbert-Elliott):%n", all.size(),
                data.data, rows.size(), histograms);
        TerminalTable.print(w, List.of(Column.text("trace", RunLengths.Result::trace),
                Column.integer("bursts", "runs", RunLengths.Result::bursts),
                Column.text("burst B / G / EG / GE", r -> RunLengthCharts.distances(r.burstDistance())),
                Column.integer("gaps", "runs", RunLengths.Result::gaps),
                Column.text("gap B / G / EG / GE", r -> RunLengthCharts.distances(r.gapDistance()))), all);
        if (charts != null) {
            RunLengthCharts.write(charts, all, data.data.toString());
            w.printf(Locale.ROOT, "Charts of %d traces and histograms.md in %s%n", all.size(), charts);
        }
        w.println();
    }

    /** The whole trace's model as a netem command: 2 states unless fixed to 1, or Gilbert-Elliott. */
    private int netem(TraceDataset ds, FitOptions o) throws IOException, IngestException {
        if (netemModel.equals("gilbert-elliott")) {
            Trace trace = ds.load(netem);
            GilbertElliottFit fit = GilbertElliottFit.of(trace.loss());
            GilbertElliott m = fit.model();
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "# %s: %d probes, %d lost (%s), Gilbert-Elliott fit (EM, %d iterations): p = %s, "
                    + "r = %s, 1-h = %s (loss when bad), 1-k = %s (loss when good); loss rate %s%n", trace.id(),
                    trace.size(), trace.loss().lossCount(), ImportCommand.percent(trace.loss().lossCount(),
                            trace.size()), fit.iterations(), Numbers.number(m.p()), Numbers.number(m.r()),
                    Numbers.number(m.lossBad()), Numbers.number(m.lossGood()), Numbers.number(m.lossRate()));
            w.println(tc(o, trace, m.netemClause()));
            return 0;
        }
        if (netemModel.equals("state")) {
            return netemFourState(ds, o);
        }
        StateChoice choice = o.models().states().auto() ? StateChoice.of(2) : o.models().states();
        InvalidSettingException.require(choice.fixed() <= 2, Setting.STATES, "must be 1 or 2 for netem, which has no "
                + choice.fixed() + "-state extended Gilbert model");
        Trace trace = ds.load(netem);
        TransitionCounts counts = TransitionCounts.of(trace.loss());
        GilbertModel fitted = counts.fit(choice.fixed());
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "# %s: %d probes, %d lost (%s), %s fit: q = %s%n", trace.id(), counts.probes(),
                counts.losses(), ImportCommand.percent(counts.losses(), counts.probes()),
                choice.fixed() == 1 ? "Bernoulli" : "2-state Gilbert", MarkovLoss.lossText(fitted));
        w.println(tc(o, trace, Netem.lossClause(fitted)));
        return 0;
    }

    /** netem's 4-state model from the trace's extended Gilbert fit of 3 states (fewer with --states), where it maps. */
    private int netemFourState(TraceDataset ds, FitOptions o) throws IOException, IngestException {
        StateChoice choice = o.models().states().auto() ? StateChoice.of(3) : o.models().states();
        InvalidSettingException.require(choice.fixed() <= 3, Setting.STATES, "must be 1 to 3 for netem's 4-state "
                + "model, which remembers no more than a burst going on");
        Trace trace = ds.load(netem);
        TransitionCounts counts = TransitionCounts.of(trace.loss());
        GilbertModel fitted = counts.fit(choice.fixed());
        java.util.Optional<NetemFourState> state = NetemFourState.of(fitted);
        if (state.isEmpty()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "error: %s: the %d-state fit (q = %s) loses a second packet "
                    + "in a row more often than a third, which netem's 4-state model cannot express; "
                    + "--netem-model gilbert-elliott fits a model it can%n", trace.id(), choice.fixed(),
                    MarkovLoss.lossText(fitted));
            return 1;
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "# %s: %d probes, %d lost (%s), %d-state extended Gilbert fit: q = %s; as netem's "
                + "4-state model: %s%n", trace.id(), counts.probes(), counts.losses(),
                ImportCommand.percent(counts.losses(), counts.probes()), choice.fixed(), MarkovLoss.lossText(fitted),
                state.get().describe());
        w.println(tc(o, trace, state.get().netemClause()));
        return 0;
    }

    /** The netem command emulating a trace: its delay and jitter, then {@code loss}. */
    private static String tc(FitOptions o, Trace trace, String loss) {
        return "tc qdisc add dev " + o.device() + " root netem " + Netem.delayClause(oneWayUs(trace)) + loss;
    }
}
