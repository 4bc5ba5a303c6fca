package org.smarttunnel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Locale;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TerminalTable;
import org.smarttunnel.common.text.Durations;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.FileReport;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.ingest.ImportReport;
import org.smarttunnel.ingest.Importer;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.format.InputFormats;
import org.smarttunnel.ingest.dataset.CommitResult;
import org.smarttunnel.ingest.dataset.TraceDataset;
import org.smarttunnel.ingest.dataset.TraceFormat;
import org.smarttunnel.ingest.dataset.TraceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Import captures, ping/zing logs and irtt output into a trace dataset.", "",
                "Reads pcap and pcapng captures, iputils/macOS ping or zing logs and irtt's JSON (any of them "
                        + "gzip-compressed), and writes DIR/index.csv, DIR/intervals.csv and one CSV per trace under DIR/traces/. Importing "
                        + "into an existing dataset adds traces; a trace already there is not added again. The "
                        + "dataset only changes when the whole import is done.", ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every file imported", "1:some files could not be read (the others were imported)",
                "2:usage error"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset directory (created if needed).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = Defaults.FORMAT,
            description = "auto (by content), or a format from 'smarttunnel formats': pcap (pcap or pcapng), zing, "
                    + "pinglog, irtt, fping, owamp (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--readers", paramLabel = "READER", defaultValue = Defaults.READER,
            description = "Capture reader: fast (streaming, pure Java) or pcap4j (libpcap; the reference) "
                    + "(default: ${DEFAULT-VALUE}).")
    String reader;

    /** The singular spelling earlier versions had, kept working and out of the help. */
    @Option(names = "--reader", hidden = true, paramLabel = "READER")
    String readerAlias;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host label of every trace (default: the source address, or for logs the file name).")
    String host;

    @Option(names = "--site", paramLabel = "NAME",
            description = "Site label of every trace (default: the destination address, or the log's target name).")
    String site;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Replies later than this (more than 0) are losses (default: " + Defaults.TIMEOUT + " for captures, irtt and "
                    + "zing; none for ping logs, whose printed replies all count).")
    Long timeoutNs;

    @Option(names = "--direction", paramLabel = "DIRECTION", defaultValue = Defaults.DIRECTION,
            description = "Which way of the path becomes a trace where the input tells them apart (irtt): up (the "
                    + "prober's sending direction, as a tunnel sends), down, round-trip, a comma-separated list, or "
                    + "all (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--decap", paramLabel = "HOW", defaultValue = Defaults.DECAP,
            description = "Which endpoints name the path of a probe a capture holds inside a tunnel (IP-in-IP, GRE, "
                    + "VXLAN, Geneve, MPLS over UDP): inner (its own), outer (the tunnel's: a path per tunnel), or "
                    + "both, a trace under each (default: ${DEFAULT-VALUE}).")
    String decap;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = Defaults.INTERVAL,
            converter = Converters.Duration.class,
            description = "Interval length the dataset is cut into, fixed per dataset, 100ms to 7d (default: "
                    + "${DEFAULT-VALUE}).")
    long intervalNs;

    @Option(names = "--spacing", paramLabel = "DURATION", defaultValue = Defaults.LOG_SPACING,
            converter = Converters.Duration.class,
            description = "Probe spacing of ping logs without time stamps, 100us to 60s (default: ${DEFAULT-VALUE}).")
    long spacingNs;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Time zone of wall-clock stamps in logs, e.g. UTC, +05:30, Asia/Kolkata (default: the "
                    + "banner's zone abbreviation, else UTC).")
    ZoneId zone;

    @Option(names = "--origin", paramLabel = "TEXT",
            description = "Where the traces come from, one line (e.g. 'measured with ping -D from the lab to 3 "
                    + "campus servers, Sep 2024', or 'simulated: ...'); recorded in the dataset and printed in reports.")
    String origin;

    @Option(names = "--compact",
            description = "Store each trace as compact binary (traces/ID.trace.gz, about a tenth of the CSV) "
                    + "instead of CSV; every command reads both.")
    boolean compact;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Captures and logs to import.")
    List<Path> files;

    @Override
    public Integer call() throws IOException, IngestException {
        // a file that is not there is a typo, not damage: refused before the dataset is touched
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw IngestException.inFile(f.toString(), "no such file; nothing imported");
            }
            if (Files.isDirectory(f)) {
                throw IngestException.inFile(f.toString(), "is a directory; nothing imported");
            }
        }
        ImportReport report = new Importer(options()).importFiles(files, out);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        for (Diagnostic d : report.diagnostics()) {
            e.println(d.line(Flags::of));
        }
        print(o, report);
        if (!report.commit().added().isEmpty() && TraceDataset.exists(out)) {
            together(o, TraceDataset.open(out));
        }
        return report.hasErrors() ? Main.BAD_INPUT : 0;
    }

    /** How many pairs of the dataset's traces were measured together: what time alignment needs. */
    private static void together(PrintWriter o, TraceDataset ds) {
        long n = ds.traces().stream().filter(t -> t.probes() > 0).count();
        if (n < 2) {
            return;
        }
        o.printf(Locale.ROOT, "Measured together (send times overlapping by at least %s): %d of %d pairs of traces; "
                + "replay and evaluate align such traces by time (--align).%n", Durations.format(ds.intervalUs() * 1000),
                ds.concurrentPairs().size(), n * (n - 1) / 2);
    }

    ImportOptions options() {
        return ImportOptions.builder()
                .format(InputFormats.parse(format))
                .reader(ImportOptions.parseReader(readerAlias != null ? readerAlias : reader))
                .host(Optional.ofNullable(host))
                .site(Optional.ofNullable(site))
                .timeoutNs(timeoutNs == null ? OptionalLong.empty() : OptionalLong.of(timeoutNs))
                .intervalUs(Converters.micros(intervalNs, "--interval"))
                .spacingNs(spacingNs)
                .zone(Optional.ofNullable(zone))
                .traceFormat(compact ? TraceFormat.COMPACT : TraceFormat.CSV)
                .origin(Optional.ofNullable(origin))
                .directions(ImportOptions.parseDirections(direction))
                .decap(org.smarttunnel.ingest.capture.Decap.parse(decap))
                .build();
    }

    private void print(PrintWriter o, ImportReport report) {
        o.println("Read " + report.files().size() + (report.files().size() == 1 ? " file:" : " files:"));
        for (FileReport f : report.files()) {
            o.println("  " + f.describe());
        }
        CommitResult c = report.commit();
        for (CommitResult.Skipped s : c.skipped()) {
            o.println("  not added: " + s.trace().info().host() + " -> " + s.trace().info().site() + ": " + s.reason());
        }
        o.println();
        o.println("Added " + c.added().size() + (c.added().size() == 1 ? " trace" : " traces") + " to " + out + " ("
                + c.tracesInDataset() + " in the dataset, intervals of " + Durations.format(intervalNs) + "):");
        if (c.added().isEmpty()) {
            return;
        }
        long probes = c.added().stream().mapToLong(a -> a.summary().probes()).sum();
        long lost = c.added().stream().mapToLong(a -> a.summary().lost()).sum();
        TerminalTable.print(o, List.of(
                Column.text("trace", a -> a.summary().id()),
                Column.text("host", a -> a.summary().info().host()),
                Column.text("site", a -> a.summary().info().site()),
                Column.integer("probes", "probes", a -> a.summary().probes()),
                Column.integer("lost", "probes", a -> a.summary().lost()),
                Column.formatted("loss", "%", a -> percent(a.summary())),
                Column.integer("intervals", "intervals", a -> a.stats().intervals().size()),
                Column.<CommitResult.Added>text("first send (UTC)", a -> Instant.ofEpochSecond(0,
                        a.summary().firstSendUs() * 1000).toString())),
                c.added(), List.of("total", "", "", Long.toString(probes), Long.toString(lost), percent(lost, probes),
                        "", ""));
    }

    static String percent(TraceSummary t) {
        return percent(t.lost(), t.probes());
    }

    static String percent(long lost, long probes) {
        return probes == 0 ? "-" : String.format(Locale.ROOT, "%.3f%%", 100.0 * lost / probes);
    }
}
