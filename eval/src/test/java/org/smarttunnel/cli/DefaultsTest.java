package org.smarttunnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.eval.congestion.CongestionOptions;
import org.smarttunnel.eval.experiment.ExperimentOptions;
import org.smarttunnel.eval.simulate.SimulationOptions;
import org.smarttunnel.fitting.predict.FitOptions;
import org.smarttunnel.ingest.ImportOptions;
import org.smarttunnel.replay.run.ReplayOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A bare command line (only what is required) gives exactly the options builders' defaults,
 * so the help, the library and the command line cannot drift apart; evaluate's defaults are
 * the paper's experiment; every setting a core module can complain about maps to a real flag.
 */
class DefaultsTest {
    private static <T> T parse(String... args) {
        CommandLine.ParseResult r = Main.commandLine(Main.COMMANDS).parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec().commandLine().getCommand();
    }

    @Test
    void importDefaults() {
        ImportCommand c = parse("import", "--out", "d", "f.pcap");
        assertEquals(ImportOptions.builder().build(), c.options());
    }

    @Test
    void fitDefaults() {
        FitCommand c = parse("fit", "--data", "d", "--out", "f.csv");
        assertEquals(FitOptions.builder().build(), c.options());
    }

    @Test
    void replayDefaults() {
        ReplayCommand c = parse("replay", "--data", "d", "--trace", "a", "--out", "f.csv");
        assertEquals(ReplayOptions.builder().build(), c.options());
    }

    @Test
    void evaluateDefaultsAreThePapersExperiment() {
        EvaluateCommand c = parse("evaluate", "--data", "d", "--out", "r");
        assertEquals(ExperimentOptions.builder().build(), c.options());
        assertEquals(ExperimentOptions.paper(), c.options());
        ExperimentOptions paper = ExperimentOptions.paper();
        assertEquals(List.of(2, 3, 4, 6), paper.paths());
        assertEquals(List.of(7, 10, 14), paper.redundancies());
        assertEquals(40, paper.group());
        assertEquals(20, paper.runs());
        assertEquals(0.02, paper.lowLoss());
        assertEquals(8, paper.replay().models().history());
        assertEquals(2, paper.modeOrder().size());
    }

    @Test
    void demoIsThePapersExperimentToo() {
        DemoCommand c = parse("demo");
        assertEquals(ExperimentOptions.paper(), c.options());
    }

    @Test
    void timelineDefaultsAreReplaysWithOneAllocatorInPredictedMode() {
        TimelineCommand c = parse("timeline", "--data", "d", "--trace", "a", "--allocator", "rr", "--out", "t.svg");
        assertEquals(ReplayOptions.builder().allocators(org.smarttunnel.replay.alloc.Allocators.parse("rr"))
                .models(org.smarttunnel.fitting.predict.ModelOptions.builder().modes(
                        org.smarttunnel.fitting.predict.FitMode.parse(org.smarttunnel.common.options.Defaults
                                .TIMELINE_MODE)).build()).build(), c.options());
    }

    @Test
    void congestionDefaults() {
        CongestionCommand c = parse("congestion", "--data", "d", "--out", "o");
        assertEquals(CongestionOptions.builder().build(), c.options());
    }

    @Test
    void simulateDefaults() {
        SimulateCommand c = parse("simulate", "--hosts", "3", "--sites", "2", "--out", "d");
        assertEquals(SimulationOptions.builder(3, 2).build(), c.options());
    }

    @Test
    void givenOptionsReachTheOptions() {
        ReplayCommand c = parse("replay", "--data", "d", "--trace", "a", "--out", "f.csv", "--group", "20",
                "--mode", "oracle", "--allocator", "rr,greedy", "--seed", "9");
        ReplayOptions o = c.options();
        assertNotEquals(ReplayOptions.builder().build(), o);
        assertEquals(20, o.group());
        assertEquals("oracle", org.smarttunnel.fitting.predict.FitMode.text(o.models().modes()));
        assertEquals(List.of("rr", "greedy"), o.allocators().stream().map(a -> a.id()).toList());
        assertEquals(9, o.seed());
    }

    @Test
    void aReportsCommandLineRunsTheSameExperimentAgain() {
        ExperimentOptions o = parse("evaluate", "--data", "d", "--out", "r", "--paths", "2,3", "--redundancy", "5",
                "--group", "30", "--runs", "4", "--seed", "7", "--modes", "predicted", "--allocators", "rr,mkwnu",
                "--low-loss", "0.03", "--states", "3", "--history", "4", "--interval", "20s", "--emax", "300",
                "--threads", "3", "--align", "time", "--shared", "avoid") instanceof EvaluateCommand e ? e.options() : null;
        String line = EvaluateCommand.reproduce(o, Path.of("d"), Path.of("r"));
        List<String> args = new ArrayList<>();
        for (String word : line.replace("\\\n", " ").split("\\s+")) {
            if (!word.isEmpty() && !word.equals("./smarttunnel")) {
                args.add(word);
            }
        }
        args.add("--threads");
        args.add("3");
        EvaluateCommand again = parse(args.toArray(new String[0]));
        assertEquals(o, again.options());
    }

    @Test
    void everySettingIsSetByAFlagOfSomeCommand() {
        List<String> flags = new ArrayList<>();
        collect(Main.commandLine(Main.COMMANDS), flags);
        for (Setting s : Setting.values()) {
            assertEquals(true, flags.contains(Flags.of(s)), s + " -> " + Flags.of(s));
        }
    }

    private static void collect(CommandLine cl, List<String> flags) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            flags.addAll(List.of(o.names()));
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, flags));
    }
}
