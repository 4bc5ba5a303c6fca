package org.smarttunnel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.eval.report.TimelineChart;
import org.smarttunnel.eval.timeline.Timeline;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.replay.alloc.Allocators;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "timeline", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Draw one tunnel's intervals over time under one allocator (SmartTunnel's Fig. 9).", "",
                "Replays the traces as one tunnel, like replay, and writes FILE.svg with three panels over time: "
                        + "each path's loss rate before FEC and the tunnel's after it, each path's share of the "
                        + "packets, and the tunnel's p95 delivery delay; FILE.csv beside it holds the numbers.", ""})
final class TimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetMixin data;

    @Mixin
    TunnelTracesMixin tunnelTraces;

    @Option(names = "--allocator", required = true, paramLabel = "ID",
            description = "The allocator (see 'smarttunnel allocators').")
    String allocator;

    @Option(names = "--mode", defaultValue = Defaults.TIMELINE_MODE, paramLabel = "MODE",
            description = "oracle or predicted (default: ${DEFAULT-VALUE}, what a running tunnel knows).")
    String mode;

    @Option(names = "--redundancy", defaultValue = "" + Defaults.REDUNDANCY, paramLabel = "K",
            description = "Redundant packets per group (default: ${DEFAULT-VALUE}).")
    int redundancy;

    @Mixin
    SchedulingMixin scheduling;

    @Mixin
    FittingMixin fitting;

    @Mixin
    TunnelMixin tunnel;

    @Option(names = "--out", required = true, paramLabel = "FILE.svg",
            description = "The chart; the numbers go to the same name ending in .csv.")
    Path out;

    ReplayOptions options() {
        return tunnel.apply(scheduling.apply(ReplayOptions.builder()))
                .allocators(Allocators.parse(allocator))
                .models(fitting.apply(ModelOptions.builder()).modes(FitMode.parse(mode)).build())
                .redundancy(redundancy)
                .build();
    }

    @Override
    public Integer call() throws IOException, IngestException {
        ReplayOptions o = options();
        if (o.allocators().size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--allocator': "
                    + "a timeline shows one allocator, not '" + allocator + "'");
        }
        if (o.models().modes().size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--mode': "
                    + "a timeline shows one mode (oracle or predicted), not '" + mode + "'");
        }
        tunnelTraces.requireTunnel();
        TraceDataset ds = data.open();
        Timeline.Result t = Timeline.of(tunnelTraces.load(ds), TunnelTracesMixin.onDataset(o, ds));
        Path csv = csvBeside(out);
        CsvTables.write(csv, Timeline.TABLE, t.rows());
        String svg = TimelineChart.render(t);
        AtomicFiles.write(out, w -> w.write(svg));
        long intervals = t.rows().stream().mapToInt(Timeline.Row::interval).distinct().count();
        spec.commandLine().getOut().printf(Locale.ROOT, "Drew %d intervals of a %d-path tunnel under %s (%s) to %s "
                + "and %s%n", intervals, t.traces().size(), t.allocator(), t.mode(), out, csv);
        return 0;
    }

    /** FILE.svg -> FILE.csv; any other name gets .csv appended. */
    static Path csvBeside(Path svg) {
        String name = svg.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
        return svg.resolveSibling(base + ".csv");
    }
}
