package org.smarttunnel.fitting.model;

import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/** The Gilbert-Elliott hidden Markov model as a model type: fitted by EM on the window's sequence ({@link GilbertElliottFit}). */
public record GilbertElliottType() implements LossModelType {
    public static final String ID = "gilbert-elliott";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Gilbert-Elliott: a hidden good/bad chain (p, r) with a loss probability in each state (1-k, 1-h), "
                + "fitted by EM (netem's loss gemodel)";
    }

    @Override
    public String statesText() {
        return "2";
    }

    @Override
    public StateChoice states(StateChoice requested) {
        InvalidSettingException.require(requested.auto() || requested.fixed() == 2, Setting.STATES,
                "cannot be " + requested + " for the " + ID + " model, which has 2 hidden states");
        return StateChoice.of(2);
    }

    @Override
    public FittedLoss fit(LossWindow window, StateChoice requested) {
        return new FittedLoss(ID, GilbertElliottFit.of(window.sequence()).model(), GilbertElliott.PARAMETERS);
    }
}
