package org.smarttunnel.common.options;

/**
 * A setting's value makes no sense ("must be at least 1"). The message names the setting in
 * words; the command line names the flag instead, with {@link #problem()}.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Setting setting;
    private final String problem;

    public InvalidSettingException(Setting setting, String problem) {
        super(setting.words() + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public Setting setting() {
        return setting;
    }

    /** What is wrong, to follow the setting's name: "must be at least 1". */
    public String problem() {
        return problem;
    }

    /** Throws unless {@code ok}. */
    public static void require(boolean ok, Setting setting, String problem) {
        if (!ok) {
            throw new InvalidSettingException(setting, problem);
        }
    }
}
