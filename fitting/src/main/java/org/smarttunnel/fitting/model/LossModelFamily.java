package org.smarttunnel.fitting.model;

import java.util.List;

/** The registry of loss models: the members of the extended Gilbert family, by short name. */
public enum LossModelFamily {
    BERNOULLI("bernoulli", "1", "independent losses: every probe lost with probability q0"),
    GILBERT("gilbert", "2", "2-state Gilbert: q0 after a reception, q1 after a loss (netem gemodel)"),
    EXTENDED_GILBERT("extended-gilbert", "3-" + TransitionCounts.MAX_STATES,
            "n-state extended Gilbert (paper eq. 2): q_k after k consecutive losses, k capped at n-1"),
    AUTO("auto", "1-" + TransitionCounts.MAX_STATES,
            "extended Gilbert with the smallest n that tells apart 99% of the observed burst lengths");

    private final String id;
    private final String states;
    private final String description;

    LossModelFamily(String id, String states, String description) {
        this.id = id;
        this.states = states;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** The n this member uses, as text ("2", "3-16"). */
    public String states() {
        return states;
    }

    public String description() {
        return description;
    }

    public static List<LossModelFamily> all() {
        return List.of(values());
    }
}
