package org.smarttunnel.cli;

import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.fitting.model.LossModels;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import picocli.CommandLine.Option;

/** How interval models are fitted: the options fit, replay and evaluate share. */
final class ModelMixin {
    @Option(names = "--model", defaultValue = Defaults.MODEL, paramLabel = "ID",
            description = "Loss model (default: ${DEFAULT-VALUE}; see 'smarttunnel models').")
    String model;

    @Option(names = "--states", defaultValue = Defaults.STATES, paramLabel = "N|auto",
            description = "Model states, 1 to 16, or auto: the smallest number telling apart 99%% of the observed "
                    + "burst lengths (default: ${DEFAULT-VALUE}).")
    String states;

    @Option(names = "--modes", defaultValue = Defaults.MODES, paramLabel = "MODES",
            description = "oracle (models fitted on the interval itself), predicted (on the intervals before it) "
                    + "or both, comma-separated (default: ${DEFAULT-VALUE}).")
    String modes;

    /** The singular spelling earlier versions had, kept working and out of the help. */
    @Option(names = "--mode", hidden = true, paramLabel = "MODES")
    String mode;

    @Option(names = "--history", defaultValue = "" + Defaults.HISTORY, paramLabel = "INTERVALS",
            description = "Intervals a prediction pools (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Interval length (default: the dataset's).")
    Long intervalNs;

    ModelOptions options() {
        return ModelOptions.builder().model(LossModels.byId(model)).states(StateChoice.parse(states))
                .modes(FitMode.parse(mode != null ? mode : modes)).history(history)
                .intervalUs(intervalNs == null ? OptionalLong.empty()
                        : OptionalLong.of(Converters.micros(intervalNs, "--interval")))
                .build();
    }
}
