package org.smarttunnel.fitting.predict;

import java.util.OptionalLong;
import java.util.Set;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.fitting.model.LossModelType;
import org.smarttunnel.fitting.model.LossModels;
import org.smarttunnel.fitting.model.StateChoice;

/**
 * How interval models are fitted (METHOD section 5), shared by fit, replay and evaluate: the
 * loss model and its states, the modes, the intervals a prediction pools and the interval
 * length (empty: the dataset's own).
 */
public record ModelOptions(LossModelType model, StateChoice requestedStates, Set<FitMode> modes, int history,
        OptionalLong intervalUs) {

    public ModelOptions {
        modes = Set.copyOf(modes);
        InvalidSettingException.require(!modes.isEmpty(), Setting.MODES, "must name at least one mode");
        InvalidSettingException.require(history >= 1, Setting.HISTORY, "must be at least 1 interval");
        intervalUs.ifPresent(us -> org.smarttunnel.common.options.Limits.requireInterval(us, Setting.INTERVAL));
        model.states(requestedStates);
    }

    /** The states a fit uses: the model's own, or the requested ones where the model allows any. */
    public StateChoice states() {
        return model.states(requestedStates);
    }

    /** Modes in table order: oracle, then predicted. */
    public java.util.List<FitMode> modeOrder() {
        return FitMode.ordered(modes);
    }

    /** The interval length: this one's, or {@code datasetUs} when none is set. */
    public long intervalUs(long datasetUs) {
        return intervalUs.orElse(datasetUs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().model(model).states(requestedStates).modes(modes).history(history)
                .intervalUs(intervalUs);
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private LossModelType model = LossModels.byId(Defaults.MODEL);
        private StateChoice states = StateChoice.parse(Defaults.STATES);
        private Set<FitMode> modes = FitMode.parse(Defaults.MODES);
        private int history = Defaults.HISTORY;
        private OptionalLong intervalUs = OptionalLong.empty();

        public Builder model(LossModelType m) {
            model = m;
            return this;
        }

        public Builder states(StateChoice s) {
            states = s;
            return this;
        }

        public Builder modes(Set<FitMode> m) {
            modes = m;
            return this;
        }

        public Builder history(int h) {
            history = h;
            return this;
        }

        /** The interval length; empty for the dataset's. */
        public Builder intervalUs(OptionalLong us) {
            intervalUs = us;
            return this;
        }

        public Builder intervalUs(long us) {
            return intervalUs(OptionalLong.of(us));
        }

        public ModelOptions build() {
            return new ModelOptions(model, states, modes, history, intervalUs);
        }
    }
}
