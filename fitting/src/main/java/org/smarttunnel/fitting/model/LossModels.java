package org.smarttunnel.fitting.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/** The registry of loss models, sorted by id; the command line lists it and {@code --model} chooses from it. */
public final class LossModels {
    private static final Map<String, LossModelType> REGISTRY = new TreeMap<>();

    static {
        register(new GilbertFamily("bernoulli", 1, "independent losses: every probe lost with probability q0"));
        register(new GilbertFamily("gilbert", 2, "2-state Gilbert: q0 after a reception, q1 after a loss "
                + "(netem's gemodel)"));
        register(new GilbertFamily("extended-gilbert", 0, "n-state extended Gilbert (SmartTunnel's eq. 2): q_k after "
                + "k consecutive losses, k capped at n-1; n from the states setting, by default the smallest that "
                + "tells apart 99% of the observed burst lengths"));
    }

    private LossModels() {
    }

    /** Adds a model type (a library user's own); its id must be new. */
    public static synchronized void register(LossModelType type) {
        if (REGISTRY.putIfAbsent(type.id(), type) != null) {
            throw new IllegalArgumentException("a loss model '" + type.id() + "' is registered already");
        }
    }

    public static synchronized List<LossModelType> all() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.values()));
    }

    public static synchronized LossModelType byId(String id) {
        LossModelType t = REGISTRY.get(id.trim());
        if (t == null) {
            throw new InvalidSettingException(Setting.MODEL, "must be one of " + String.join(", ", REGISTRY.keySet())
                    + ", not '" + id + "'");
        }
        return t;
    }
}
