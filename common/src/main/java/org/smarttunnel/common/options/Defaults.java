package org.smarttunnel.common.options;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.text.Durations;

/**
 * Every default of the toolkit, in one place. Each is one compile-time constant, so that the
 * options builders and the command line's option declarations (which need constant strings)
 * read the same value; text constants are parsed by the builders with the helpers below.
 * Defaults that depend on the data or the machine (an interval length taken from the dataset,
 * the number of threads) are described where they are resolved.
 */
public final class Defaults {
    // --- import (METHOD sections 1-2)
    /** Input format, detected by content. */
    public static final String FORMAT = "auto";
    /** Capture reader: the streaming pure-Java one. */
    public static final String READER = "fast";
    /** Reply timeout of captures and zing files (ping logs have none unless one is given). */
    public static final String TIMEOUT = "2s";
    /** Interval length a dataset is cut into (the paper's 40 s). */
    public static final String INTERVAL = "40s";
    /** Directions made into traces from inputs that tell them apart (irtt): the sender's, as a tunnel sends. */
    public static final String DIRECTION = "up";
    public static final String DECAP = "inner";
    /** Probe spacing of ping logs without time stamps (ping's default). */
    public static final String LOG_SPACING = "1s";

    // --- loss models and prediction (METHOD section 5)
    /** The extended Gilbert model family. */
    public static final String MODEL = "extended-gilbert";
    /** Number of states: the smallest telling apart 99% of the burst lengths. */
    public static final String STATES = "auto";
    /** Intervals a prediction pools (320 s). */
    public static final int HISTORY = 8;
    /** Both modes: models fitted on the interval itself and predicted from earlier ones. */
    public static final String MODES = "oracle,predicted";
    /** Significance level of the predictability test. */
    public static final double LEVEL = 0.05;
    /** Device in printed netem commands. */
    public static final String DEVICE = "eth0";

    // --- replay (METHOD sections 3, 4, 6)
    /** Every allocator of the registry. */
    public static final String ALLOCATORS = "all";
    /** Packets per FEC group. */
    public static final int GROUP = 40;
    /** Redundant packets per group of one replay. */
    public static final int REDUNDANCY = 7;
    /** Intervals of several traces line up by time when they were measured together, else by number. */
    public static final String ALIGN = "auto";
    /** Seed of every random choice. */
    public static final long SEED = 1;
    /** smarttunnel's scale of means. */
    public static final int EMAX = 500;

    // --- evaluate (METHOD section 7): the paper's experiment
    /** Paths per tunnel. */
    public static final String PATHS = "2,3,4,6";
    /** Redundant packets per group, one cell column each. */
    public static final String REDUNDANCIES = "7,10,14";
    /** Tunnels drawn per cell (N, G). */
    public static final int RUNS = 20;
    /** A path is low-loss below this whole-trace loss rate. */
    public static final double LOW_LOSS = 0.02;
    /** Level of the tables' intervals. */
    public static final double CONFIDENCE = 0.95;
    /** Draws of the cluster bootstrap over tunnels. */
    public static final int BOOTSTRAP = 1000;
    /** The most tunnels {@code evaluate --all-tunnels} evaluates without being told more. */
    public static final long MAX_TUNNELS = 10_000;

    // --- shared congestion (concurrent paths)
    /** Bins of matched probe pairs for the shared-congestion tests. */
    public static final String BIN = "100ms";
    /** Paths that share congestion are allocated as if independent (the paper's evaluation). */
    public static final String SHARED_PATHS = "ignore";
    /** The late threshold of the time metrics: ITU-T G.114's one-way budget (METHOD section 9). */
    public static final String DEADLINE = "150ms";
    /** Time metrics whenever the traces carry delays. */
    public static final String DELAYS = "auto";
    /** The mode a timeline shows: what a running tunnel knows. */
    public static final String TIMELINE_MODE = "predicted";

    // --- demo
    public static final String DEMO_DATA = "traces/demo";
    public static final String DEMO_REPORTS = "reports";

    // --- simulate (the paper's measurement)
    public static final String DURATION = "800s";
    public static final String PROBE_SPACING = "2ms";
    public static final String ON = "1s";
    public static final String OFF = "1s";
    /** The paper's share of paths below 2% loss. */
    public static final double LOW_LOSS_SHARE = 0.785;
    /** Standard deviation of a path's log loss rate from one drift period to the next. */
    public static final double DRIFT = 1.5;
    public static final String DRIFT_PERIOD = "40s";
    public static final double SHARED = 0;

    // --- benchmarks
    public static final String BENCH_PROBES = "1000000";
    public static final String BENCH_READERS = "fast,pcap4j";
    public static final String BENCH_STAGES = "scan,import";
    public static final int BENCH_REPEAT = 2;
    public static final String BENCH_LOSSES = "0.005,0.02,0.05,0.1,0.2,0.25";
    public static final String BENCH_BURSTS = "1,3";
    public static final String BENCH_APPROXIMATION_PATHS = "3,10";
    public static final String BENCH_GROUPS = "40,100,300";
    public static final String BENCH_ALLOCATOR_PATHS = "2,3,4";
    public static final int BENCH_SETS = 200;
    public static final int BENCH_HOSTS = 30;
    public static final int BENCH_SITES = 2;
    public static final String BENCH_RUNS = "5,10,20";
    /** Drifts {@code bench calibrate} tries. */
    public static final String BENCH_DRIFTS = "0.5,1,1.5,2,2.5";
    public static final int BENCH_THREADS = 2;

    private Defaults() {
    }

    /** A duration constant in microseconds. */
    public static long micros(String duration) {
        return Durations.parseNs(duration) / 1000;
    }

    /** A duration constant in nanoseconds. */
    public static long nanos(String duration) {
        return Durations.parseNs(duration);
    }

    /** A comma-separated list of whole numbers. */
    public static List<Integer> ints(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return List.copyOf(out);
    }

    /** A comma-separated list of words. */
    public static List<String> words(String list) {
        return List.of(list.split(","));
    }
}
