package org.smarttunnel.fitting.model;

import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/** How many model states to use: a fixed n, or automatic per fit ({@link TransitionCounts#autoStates}). */
public record StateChoice(int fixed) {
    public static final StateChoice AUTO = new StateChoice(0);

    public StateChoice {
        InvalidSettingException.require(fixed >= 0 && fixed <= TransitionCounts.MAX_STATES, Setting.STATES,
                "must be a number from 1 to " + TransitionCounts.MAX_STATES + " or auto, not " + fixed);
    }

    public static StateChoice of(int n) {
        InvalidSettingException.require(n >= 1, Setting.STATES, "must be a number from 1 to "
                + TransitionCounts.MAX_STATES + " or auto, not " + n);
        return new StateChoice(n);
    }

    /** "auto" or a number. */
    public static StateChoice parse(String text) {
        if (text.trim().equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            return of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(Setting.STATES, "must be a number from 1 to "
                    + TransitionCounts.MAX_STATES + " or auto, not '" + text + "'");
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
