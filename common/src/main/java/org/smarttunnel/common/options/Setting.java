package org.smarttunnel.common.options;

/**
 * The settings the toolkit's options records hold, named for messages. Core modules report a
 * bad value as an {@link InvalidSettingException} naming one of these; only the command line
 * knows which flag sets it and says so.
 */
public enum Setting {
    FORMAT("input format"),
    READER("capture reader"),
    HOST("host label"),
    SITE("site label"),
    TIMEOUT("reply timeout"),
    INTERVAL("interval length"),
    SPACING("probe spacing"),
    ZONE("time zone"),
    ORIGIN("dataset origin"),
    DIRECTION("direction"),
    DECAP("decap"),
    MODEL("loss model"),
    STATES("number of model states"),
    HISTORY("prediction history"),
    MODES("modes"),
    LEVEL("significance level"),
    DEVICE("network device"),
    ALLOCATORS("allocators"),
    GROUP("group size"),
    REDUNDANCY("redundant packets per group"),
    ALIGN("alignment"),
    CAPACITY("path capacities"),
    SEED("seed"),
    EMAX("Emax"),
    TARGET_LOSS("target loss rate"),
    MAX_REDUNDANCY("largest redundancy"),
    PATHS("paths per tunnel"),
    RUNS("runs per cell"),
    LOW_LOSS("low-loss limit"),
    CONFIDENCE("confidence"),
    BOOTSTRAP("bootstrap draws"),
    ALL_TUNNELS("every tunnel"),
    MAX_TUNNELS("most tunnels"),
    SHARD("shard"),
    THREADS("threads"),
    HOSTS("hosts"),
    SITES("sites"),
    DURATION("duration"),
    ON("probing period"),
    OFF("pause"),
    LOW_LOSS_SHARE("low-loss share"),
    DRIFT("drift"),
    DRIFT_PERIOD("drift period"),
    SHARED("shared-bottleneck share"),
    TRACES("traces"),
    BIN("bin length"),
    SELECT("paths to select"),
    TRUTH("true groups"),
    SHARED_PATHS("handling of paths that share congestion"),
    PACKET_SPACING("packet spacing"),
    DEADLINE("deadline"),
    DELAYS("time metrics");

    private final String words;

    Setting(String words) {
        this.words = words;
    }

    /** How a message names the setting when no flag is at hand ("group size"). */
    public String words() {
        return words;
    }
}
