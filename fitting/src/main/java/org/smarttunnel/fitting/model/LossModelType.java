package org.smarttunnel.fitting.model;

/**
 * A kind of loss model the toolkit fits to intervals, listed in {@link LossModels}: how many
 * states a fit uses given the user's choice of states, and the fit itself.
 */
public interface LossModelType {
    /** Short name used on the command line. */
    String id();

    /** One line for the model list. */
    String description();

    /** The numbers of states it can have, as text ("2", "1-16"). */
    String statesText();

    /**
     * The states to fit with, given the states the user asked for (perhaps automatic); an
     * {@link org.smarttunnel.common.options.InvalidSettingException} when the two conflict.
     */
    StateChoice states(StateChoice requested);

    /** The model fitted to {@code window} with the states {@code requested} allows. */
    FittedLoss fit(LossWindow window, StateChoice requested);
}
