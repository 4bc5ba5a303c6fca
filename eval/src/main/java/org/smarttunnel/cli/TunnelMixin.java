package org.smarttunnel.cli;

import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.replay.run.ReplayOptions;
import org.smarttunnel.replay.run.SharedPaths;
import picocli.CommandLine.Option;

/**
 * How a tunnel's traces are lined up, what is done with those that share congestion, and the
 * tunnel's time line for the delay metrics: replay and evaluate share it.
 */
final class TunnelMixin {
    @Option(names = "--align", defaultValue = Defaults.ALIGN, paramLabel = "HOW",
            description = "interval: by interval number; time: by absolute time from the latest first send, for "
                    + "traces measured together (evaluate then draws only such tunnels); auto: by time when a "
                    + "tunnel's traces were measured together (send times overlapping by at least one interval), "
                    + "by interval number otherwise (default: ${DEFAULT-VALUE}).")
    String align;

    @Option(names = "--shared", defaultValue = Defaults.SHARED_PATHS, paramLabel = "HOW",
            description = "Paths that share congestion (detected per interval on the models' window): ignore "
                    + "(allocate as if independent, the paper's evaluation), merge (a group of them is one path "
                    + "to the allocator, SmartTunnel IV-E) or avoid (only the best path of each group) "
                    + "(default: ${DEFAULT-VALUE}).")
    String shared;

    @Option(names = "--spacing", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Time between the tunnel's packets for the delay metrics (default: the median probe "
                    + "spacing of the tunnel's paths in each interval).")
    Long spacingNs;

    @Option(names = "--deadline", defaultValue = Defaults.DEADLINE, paramLabel = "DURATION",
            converter = Converters.Duration.class,
            description = "A data packet released later than this after sending counts as late (default: "
                    + "${DEFAULT-VALUE}, the one-way budget of ITU-T G.114).")
    long deadlineNs;

    @Option(names = "--delays", defaultValue = Defaults.DELAYS, paramLabel = "auto|off",
            description = "Time metrics after FEC (delay, jitter, reordering, buffer, late share): auto, whenever "
                    + "the traces carry delays; off, loss only (default: ${DEFAULT-VALUE}).")
    String delays;

    /** These options set on {@code b}. */
    ReplayOptions.Builder apply(ReplayOptions.Builder b) {
        return b.alignment(ReplayOptions.Alignment.parse(align)).shared(SharedPaths.parse(shared))
                .spacingUs(spacingNs == null ? OptionalLong.empty() : OptionalLong.of(Converters.micros(spacingNs,
                        "--spacing")))
                .deadlineUs(Converters.micros(deadlineNs, "--deadline")).delays(ReplayOptions.Delays.parse(delays));
    }
}
