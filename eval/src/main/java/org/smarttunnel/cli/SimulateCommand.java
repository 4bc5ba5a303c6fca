package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.eval.congestion.CongestionAnalysis;
import org.smarttunnel.eval.simulate.CaptureSimulator;
import org.smarttunnel.eval.simulate.GroundTruth;
import org.smarttunnel.eval.simulate.Population;
import org.smarttunnel.eval.simulate.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write pcap captures of simulated ping runs over loss-model paths.", "",
                "One capture per host (host-NN.pcap), all its sites interleaved as tcpdump would record them, "
                        + "and the ground truth beside them: truth.csv (every path's parameters and realised "
                        + "counts), truth_periods.csv (its loss rate per drift period), bottlenecks.csv and "
                        + "groups_truth.csv (which paths share a bottleneck, for congestion --truth). Import "
                        + "the captures with 'smarttunnel import'.", "",
                "Paths are extended Gilbert chains drawn like the paper's measurement: per site 78.5%% of the "
                        + "paths below 2%% loss, mean loss rate 0.0175, bursty losses with long outages now and "
                        + "then, loss rates that drift from one period to the next, round-trip times of 10-150 ms; "
                        + "optionally bottlenecks shared by several paths to a site, adding loss and queueing delay to all "
                        + "of them at once.", ""})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", required = true, paramLabel = "HOSTS", description = "Probing hosts (1-250).")
    int hosts;

    @Option(names = "--sites", required = true, paramLabel = "SITES", description = "Probed sites (1-250).")
    int sites;

    @Option(names = "--duration", defaultValue = Defaults.DURATION, paramLabel = "DURATION",
            converter = Converters.Duration.class, description = "Length of every run (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--spacing", defaultValue = Defaults.PROBE_SPACING, paramLabel = "DURATION",
            converter = Converters.Duration.class,
            description = "Time between probes while probing, 100us to 60s (default: ${DEFAULT-VALUE}).")
    long spacingNs;

    @Option(names = "--on", defaultValue = Defaults.ON, paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Probing period of each on/off cycle (default: ${DEFAULT-VALUE}).")
    long onNs;

    @Option(names = "--off", defaultValue = Defaults.OFF, paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Pause of each on/off cycle; 0s probes without pause (default: ${DEFAULT-VALUE}).")
    long offNs;

    @Option(names = "--low-loss-share", defaultValue = "" + Defaults.LOW_LOSS_SHARE, paramLabel = "SHARE",
            description = "Share of each site's paths drawn below 2%% loss (default: ${DEFAULT-VALUE}, the paper's).")
    double lowShare;

    @Option(names = "--drift", defaultValue = "" + Defaults.DRIFT, paramLabel = "SIGMA",
            description = "Standard deviation of a path's log loss rate from one drift period to the next; 0 keeps "
                    + "rates fixed (default: ${DEFAULT-VALUE}).")
    double drift;

    @Option(names = "--drift-period", defaultValue = Defaults.DRIFT_PERIOD, paramLabel = "DURATION",
            converter = Converters.Duration.class,
            description = "Length of a drift period (default: ${DEFAULT-VALUE}, one interval).")
    long driftPeriodNs;

    @Option(names = "--shared", defaultValue = "" + Defaults.SHARED, paramLabel = "SHARE",
            description = "Share of sites with a bottleneck that about half their paths cross (default: "
                    + "${DEFAULT-VALUE}); see bottlenecks.csv.")
    double shared;

    @Option(names = "--reply-only", description = "Capture echo replies only, as the paper did.")
    boolean replyOnly;

    @Option(names = "--gzip", description = "Write gzip-compressed captures (host-NN.pcap.gz).")
    boolean gzip;

    @Mixin
    SeedMixin seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the captures.")
    Path out;

    SimulationOptions options() {
        return SimulationOptions.builder(hosts, sites).probing(durationNs, spacingNs, onNs, offNs).lowShare(lowShare)
                .drift(drift).driftPeriodNs(driftPeriodNs).shared(shared).replyOnly(replyOnly).gzip(gzip)
                .seed(seed.seed).build();
    }

    @Override
    public Integer call() throws IOException {
        SimulationOptions o = options();
        CaptureSimulator.Result r = CaptureSimulator.write(o, out);
        PrintWriter w = spec.commandLine().getOut();
        long probes = r.paths().stream().mapToLong(GroundTruth.PathTruth::probes).sum();
        long lost = r.paths().stream().mapToLong(GroundTruth.PathTruth::lost).sum();
        long low = r.paths().stream().filter(p -> p.lost() < Population.LOW_LOSS_LIMIT * p.probes()).count();
        double meanRate = r.paths().stream().mapToDouble(p -> p.probes() == 0 ? 0 : (double) p.lost() / p.probes())
                .average().orElse(0);
        long crossing = r.paths().stream().filter(p -> !p.bottleneck().isEmpty()).count();
        w.printf(Locale.ROOT, "Wrote %d captures (%d packets) and the ground truth (%s, %s, %s, %s) to %s%n",
                r.captures().size(), r.packets(), GroundTruth.PATHS.name(), GroundTruth.PERIODS.name(),
                GroundTruth.BOTTLENECKS.name(), CongestionAnalysis.TRUTH.name(), out);
        w.printf(Locale.ROOT, "%d paths, %d probes, %d lost: %d paths (%.1f%%) below 2%% loss, mean loss rate %.4f, "
                + "%d crossing a shared bottleneck%n", r.paths().size(), probes, lost, low,
                100.0 * low / r.paths().size(), meanRate, crossing);
        w.printf(Locale.ROOT, "Import them with: ./smarttunnel import --origin \"%s\" --out DATASET %s%n",
                o.describe(), out.resolve(o.gzip() ? "*.pcap.gz" : "*.pcap"));
        return 0;
    }
}
