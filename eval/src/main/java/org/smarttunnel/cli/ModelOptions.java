package org.smarttunnel.cli;

import org.smarttunnel.fitting.predict.StateChoice;
import picocli.CommandLine.Option;

/** The model options replay and evaluate share: states and prediction history. */
final class ModelOptions {
    @Option(names = "--states", defaultValue = "auto", paramLabel = "N|auto",
            description = "Model states (default: ${DEFAULT-VALUE}).")
    String states;

    @Option(names = "--history", defaultValue = "8", paramLabel = "H",
            description = "Intervals of history a prediction pools (default: ${DEFAULT-VALUE}).")
    int history;

    StateChoice stateChoice() {
        return StateChoice.parse(states);
    }
}
