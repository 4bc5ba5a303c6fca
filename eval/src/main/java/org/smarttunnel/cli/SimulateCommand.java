package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smarttunnel.eval.simulate.CaptureSimulator;
import org.smarttunnel.eval.simulate.Population;
import org.smarttunnel.eval.simulate.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write pcap captures of simulated ping runs over loss-model paths.", "",
                "One capture per host (host-NN.pcap), all its "
                + "sites interleaved as tcpdump would record them, and truth.csv with every path's loss model "
                + "and realised counts. Import the captures with 'smarttunnel import'.", "",
                "Paths follow two-state Gilbert loss chains drawn like the paper's measurement: 78.5%% below 2%% "
                        + "loss, bursty losses, round-trip times of 10-150 ms.", ""})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", required = true, paramLabel = "H", description = "Probing hosts (1-250).")
    int hosts;

    @Option(names = "--sites", required = true, paramLabel = "S", description = "Probed sites (1-250).")
    int sites;

    @Option(names = "--duration", defaultValue = "800s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Length of every run (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--spacing", defaultValue = "2ms", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Time between probes while probing (default: ${DEFAULT-VALUE}).")
    long spacingNs;

    @Option(names = "--on", defaultValue = "1s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Probing period of each on/off cycle (default: ${DEFAULT-VALUE}).")
    long onNs;

    @Option(names = "--off", defaultValue = "1s", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Pause of each on/off cycle; 0s probes without pause (default: ${DEFAULT-VALUE}).")
    long offNs;

    @Option(names = "--reply-only", description = "Capture echo replies only, as the paper did.")
    boolean replyOnly;

    @Option(names = "--gzip", description = "Write gzip-compressed captures (host-NN.pcap.gz).")
    boolean gzip;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the captures.")
    Path out;

    @Override
    public Integer call() throws IOException {
        SimulationOptions o = new SimulationOptions(hosts, sites, durationNs, spacingNs, onNs, offNs, replyOnly, seed,
                gzip, SimulationOptions.DEFAULT_START_NS);
        CaptureSimulator.Result r = CaptureSimulator.write(o, out);
        PrintWriter w = spec.commandLine().getOut();
        long low = r.paths().stream().filter(p -> p.params().lossRate() < Population.LOW_LOSS_LIMIT).count();
        long probes = r.paths().stream().mapToLong(CaptureSimulator.PathTruth::probes).sum();
        w.printf(Locale.ROOT, "Wrote %d captures (%d packets, %d probes on %d paths, %d below 2%% loss) and %s to %s%n",
                r.captures().size(), r.packets(), probes, r.paths().size(), low, CaptureSimulator.TRUTH, out);
        return 0;
    }
}
