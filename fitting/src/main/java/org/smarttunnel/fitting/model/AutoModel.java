package org.smarttunnel.fitting.model;

/**
 * Per window, the model the Bayesian information criterion prefers among Bernoulli, Gilbert,
 * the extended Gilbert chain (when its states, by default automatic, are more than 2) and
 * Gilbert-Elliott ({@link ModelSelection}): fits of every candidate on the same window.
 */
public record AutoModel() implements LossModelType {
    public static final String ID = "auto";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "per window, the least BIC among bernoulli, gilbert, extended-gilbert (states from the states "
                + "setting) and gilbert-elliott; ties to the simpler";
    }

    @Override
    public String statesText() {
        return "chosen";
    }

    @Override
    public StateChoice states(StateChoice requested) {
        return requested;
    }

    @Override
    public FittedLoss fit(LossWindow window, StateChoice requested) {
        return ModelSelection.of("", window, requested).byBic().fitted();
    }
}
