package org.smarttunnel.ingest.capture;

import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * Which endpoints name the path of a probe that a capture holds inside a tunnel (IP-in-IP, GRE,
 * VXLAN, Geneve, MPLS over UDP): its own (the innermost IP header), the tunnel's (the outermost),
 * or both, a trace under each. Probes outside tunnels are named by their own endpoints in every
 * case.
 */
public enum Decap {
    /** The probe's own endpoints (the default). */
    INNER("inner"),
    /** The tunnel's endpoints: one path per tunnel and probe stream. */
    OUTER("outer"),
    /** Both: a tunnelled probe counts in its own path and in its tunnel's. */
    BOTH("both");

    private final String id;

    Decap(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Decap parse(String text) {
        for (Decap d : values()) {
            if (d.id.equals(text.trim())) {
                return d;
            }
        }
        throw new InvalidSettingException(Setting.DECAP, "must be inner, outer or both, not '" + text + "'");
    }
}
