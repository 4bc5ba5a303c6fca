package org.smarttunnel.cli;

import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.fitting.model.LossModels;
import org.smarttunnel.fitting.model.StateChoice;
import org.smarttunnel.fitting.predict.ModelOptions;
import picocli.CommandLine.Option;

/** How interval models are fitted, whatever the modes: the loss model, its states, the history and the interval. */
final class FittingMixin {
    @Option(names = "--model", defaultValue = Defaults.MODEL, paramLabel = "ID",
            description = "Loss model, or auto: per window the one of least BIC (default: ${DEFAULT-VALUE}; see "
                    + "'smarttunnel models').")
    String model;

    @Option(names = "--states", defaultValue = Defaults.STATES, paramLabel = "N|auto",
            description = "Model states, 1 to 16, or auto: the smallest number telling apart 99%% of the observed "
                    + "burst lengths (default: ${DEFAULT-VALUE}).")
    String states;

    @Option(names = "--history", defaultValue = "" + Defaults.HISTORY, paramLabel = "INTERVALS",
            description = "Intervals a prediction pools (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Interval length, 100ms to 7d (default: the dataset's).")
    Long intervalNs;

    /** These options set on {@code b}. */
    ModelOptions.Builder apply(ModelOptions.Builder b) {
        return b.model(LossModels.byId(model)).states(StateChoice.parse(states)).history(history)
                .intervalUs(intervalNs == null ? OptionalLong.empty()
                        : OptionalLong.of(Converters.micros(intervalNs, "--interval")));
    }
}
