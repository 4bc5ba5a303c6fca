package org.smarttunnel.fitting.model;

import org.smarttunnel.ingest.trace.LossSequence;

/**
 * A loss model fitted to a window.
 *
 * @param model the id of the model fitted (with {@code auto}, the one the criterion chose)
 * @param loss the fitted model
 * @param parameters its free parameters, for the information criteria
 */
public record FittedLoss(String model, MarkovLoss loss, int parameters) {
    /** BIC = k ln N - 2 ln L on {@code window}'s sequence of N probes. */
    public double bic(LossWindow window) {
        LossSequence s = window.sequence();
        return ModelSelection.bic(parameters, s.length(), loss.logLikelihood(s));
    }
}
