package org.smarttunnel.fitting.model;

import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * A member of the extended Gilbert family (paper eq. 2): a fixed number of states (1 is the
 * Bernoulli model, 2 the Gilbert model), or any number, chosen by the user or automatically.
 *
 * @param fixedStates the states it always has, 0 for any
 */
public record GilbertFamily(String id, int fixedStates, String description) implements LossModelType {
    @Override
    public String statesText() {
        return fixedStates > 0 ? Integer.toString(fixedStates) : "1-" + TransitionCounts.MAX_STATES;
    }

    @Override
    public StateChoice states(StateChoice requested) {
        if (fixedStates == 0) {
            return requested;
        }
        InvalidSettingException.require(requested.auto() || requested.fixed() == fixedStates, Setting.STATES,
                "cannot be " + requested + " for the " + id + " model, which has " + fixedStates
                        + (fixedStates == 1 ? " state" : " states"));
        return StateChoice.of(fixedStates);
    }

    /** Maximum likelihood from the window's transition counts (METHOD section 5); n parameters for n states. */
    @Override
    public FittedLoss fit(LossWindow window, StateChoice requested) {
        TransitionCounts counts = window.counts();
        GilbertModel m = counts.fit(states(requested).resolve(counts));
        return new FittedLoss(id, m, m.states());
    }
}
