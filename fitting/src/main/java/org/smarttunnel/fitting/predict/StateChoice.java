package org.smarttunnel.fitting.predict;

import org.smarttunnel.fitting.model.TransitionCounts;

/** How many model states to use: a fixed n, or automatic per fit ({@link TransitionCounts#autoStates}). */
public record StateChoice(int fixed) {
    public static final StateChoice AUTO = new StateChoice(0);

    public StateChoice {
        if (fixed < 0 || fixed > TransitionCounts.MAX_STATES) {
            throw new IllegalArgumentException("states must be between 1 and " + TransitionCounts.MAX_STATES
                    + " or auto, got " + fixed);
        }
    }

    public static StateChoice of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("states must be between 1 and " + TransitionCounts.MAX_STATES
                    + " or auto, got " + n);
        }
        return new StateChoice(n);
    }

    /** "auto" or a number. */
    public static StateChoice parse(String text) {
        if (text.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--states must be a number from 1 to " + TransitionCounts.MAX_STATES
                    + " or auto, not '" + text + "'");
        }
    }

    public boolean auto() {
        return fixed == 0;
    }

    public int resolve(TransitionCounts counts) {
        return auto() ? counts.autoStates() : fixed;
    }

    @Override
    public String toString() {
        return auto() ? "auto" : Integer.toString(fixed);
    }
}
