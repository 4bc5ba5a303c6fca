package org.smarttunnel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smarttunnel.eval.experiment.Combination;
import org.smarttunnel.eval.experiment.Experiment;
import org.smarttunnel.eval.experiment.ExperimentRow;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.experiment.Journal;
import org.smarttunnel.eval.experiment.Tables;
import org.smarttunnel.eval.report.Charts;
import org.smarttunnel.eval.report.ReportWriter;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.common.io.FileTrees;
import org.smarttunnel.common.io.IoErrors;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.TraceDataset;

/**
 * The whole evaluation: experiment, tables, report and charts. Everything is written into the
 * run's journal directory inside the output directory and moved into place only when all of it
 * is done, so an interrupted or failed run leaves the previous reports as they were; running
 * the same evaluation again resumes it where it stopped ({@link Journal}).
 */
public final class Evaluation {
    public static final String REPLAY = ExperimentRow.TABLE.name();
    public static final String COMBINATIONS = Combination.TABLE.name();
    public static final String LOSS_FREE = Tables.LOSS_FREE.name();
    public static final String MEAN_LOSS = Tables.MEAN_LOSS.name();
    public static final String BY_PATHS = Tables.BY_PATHS.name();
    public static final String EXPECTED = Tables.EXPECTED_LOSS.name();
    public static final String CALIBRATION = Tables.CALIBRATION.name();
    public static final String DELAY = Tables.DELAY.name();
    public static final String COMPARISONS = org.smarttunnel.eval.experiment.Comparison.TABLE.name();
    public static final String REPORT = "report.md";

    /**
     * How a run treats the journal an interrupted run left: {@code settings} name this run (the
     * options that decide its results; the dataset and the tunnels drawn are added to them), and
     * a journal of other settings is refused unless {@code restart}, which always starts over.
     */
    public record Resume(Map<String, String> settings, boolean restart) {
        /** Always start over. */
        public static final Resume NEVER = new Resume(Map.of(), true);
    }

    /** What an evaluation produced. */
    public record Outcome(Tables tables, Experiment.Result run, List<Path> files) {
    }

    private Evaluation() {
    }

    /** Evaluates the dataset ({@code dataName} is how the report names it) into {@code out}, from the start. */
    public static Outcome run(TraceDataset ds, String dataName, ExperimentOptions o, Path out, String reproduce,
            Progress progress)
            throws IOException, IngestException, InterruptedException {
        try {
            return run(ds, dataName, o, out, reproduce, Resume.NEVER, progress);
        } catch (Journal.Mismatch e) {
            throw new IllegalStateException("a run that starts over never reads a journal", e);
        }
    }

    /** Evaluates the dataset into {@code out}, resuming an interrupted run as {@code resume} says. */
    public static Outcome run(TraceDataset ds, String dataName, ExperimentOptions o, Path out, String reproduce,
            Resume resume, Progress progress)
            throws IOException, IngestException, InterruptedException, Journal.Mismatch {
        o = o.withDatasetInterval(ds.intervalUs());
        IoErrors.requireDirectoryOrAbsent(out);
        Files.createDirectories(out);
        FileTrees.removeStale(out);
        try (Journal journal = Journal.open(out)) {
            Experiment.Result run;
            try {
                run = Experiment.run(ds, o, journal, resume.settings(), resume.restart(), progress);
            } catch (IngestException e) {
                journal.discard(); // bad input must change before a run can succeed: nothing to resume
                throw e;
            }
            try {
                return publish(ds, dataName, o, out, reproduce, journal, run);
            } catch (IOException e) {
                throw journal.failure(e);
            }
        }
    }

    /** Writes the tables, report and charts of {@code run} and switches them into {@code out} with its replay.csv. */
    private static Outcome publish(TraceDataset ds, String dataName, ExperimentOptions o, Path out, String reproduce,
            Journal journal, Experiment.Result run) throws IOException {
        Path staging = journal.dir();
        Tables t = run.tables();
        CsvTables.write(staging.resolve(LOSS_FREE), Tables.LOSS_FREE, t.cellRows());
        CsvTables.write(staging.resolve(MEAN_LOSS), Tables.MEAN_LOSS, t.cellRows());
        CsvTables.write(staging.resolve(BY_PATHS), Tables.BY_PATHS, t.pathsRows());
        CsvTables.write(staging.resolve(EXPECTED), Tables.EXPECTED_LOSS, t.pathsRows());
        CsvTables.write(staging.resolve(CALIBRATION), Tables.CALIBRATION, t.cellRows());
        CsvTables.write(staging.resolve(DELAY), Tables.DELAY, t.cellRows());
        CsvTables.write(staging.resolve(COMPARISONS), org.smarttunnel.eval.experiment.Comparison.TABLE,
                t.comparisons());
        write(staging.resolve(ReportWriter.LOSS_FREE_CHART), Charts.lossFree(t));
        write(staging.resolve(ReportWriter.TRADEOFF_CHART), Charts.tradeoff(t));
        List<String> names = new ArrayList<>(List.of(REPLAY, COMBINATIONS, LOSS_FREE, MEAN_LOSS, BY_PATHS,
                EXPECTED, CALIBRATION, DELAY, COMPARISONS, ReportWriter.LOSS_FREE_CHART, ReportWriter.TRADEOFF_CHART));
        for (FitMode m : o.modeOrder()) {
            write(staging.resolve(ReportWriter.lossRateChart(m)), Charts.lossRateByG(t, m));
            names.add(ReportWriter.lossRateChart(m));
        }
        write(staging.resolve(REPORT), ReportWriter.write(t, run, new ReportWriter.Source(dataName, ds.origin(), reproduce)));
        names.add(REPORT);
        // the manifest goes first and comes back last: a run killed while it switches the files
        // leaves no manifest, so the mixture is never taken for one run's outputs
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(Manifest.of(staging.resolve(name)));
        }
        Files.deleteIfExists(out.resolve(Manifest.FILE));
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            if (name.equals(REPLAY)) {
                // kept in the journal's directory too: a run killed before the journal goes resumes from it
                AtomicFiles.linkOrMove(staging.resolve(name), out.resolve(name));
            } else {
                AtomicFiles.move(staging.resolve(name), out.resolve(name));
            }
            files.add(out.resolve(name));
        }
        Manifest.write(out, entries);
        files.add(out.resolve(Manifest.FILE));
        journal.finish();
        return new Outcome(t, run, files);
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, w -> w.write(text));
    }
}
