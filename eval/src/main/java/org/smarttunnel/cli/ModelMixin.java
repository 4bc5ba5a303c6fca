package org.smarttunnel.cli;

import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.fitting.predict.FitMode;
import org.smarttunnel.fitting.predict.ModelOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How interval models are fitted and in which modes: the options fit, replay and evaluate share. */
final class ModelMixin {
    @Mixin
    FittingMixin fitting;

    @Option(names = "--modes", defaultValue = Defaults.MODES, paramLabel = "MODES",
            description = "oracle (models fitted on the interval itself), predicted (on the intervals before it) "
                    + "or both, comma-separated (default: ${DEFAULT-VALUE}).")
    String modes;

    /** The singular spelling earlier versions had, kept working and out of the help. */
    @Option(names = "--mode", hidden = true, paramLabel = "MODES")
    String mode;

    ModelOptions options() {
        return fitting.apply(ModelOptions.builder()).modes(FitMode.parse(mode != null ? mode : modes)).build();
    }
}
