package org.smarttunnel.fitting.model;

import java.util.List;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.registry.Registry;

/** The registry of loss models, sorted by id; the command line lists it and {@code --model} chooses from it. */
public final class LossModels {
    private static final Registry<LossModelType> REGISTRY = Registry.sorted("loss model", Setting.MODEL,
            LossModelType::id);

    static {
        register(new GilbertFamily("bernoulli", 1, "independent losses: every probe lost with probability q0"));
        register(new GilbertFamily("gilbert", 2, "2-state Gilbert: q0 after a reception, q1 after a loss "
                + "(netem's gemodel)"));
        register(new GilbertFamily("extended-gilbert", 0, "n-state extended Gilbert (SmartTunnel's eq. 2): q_k after "
                + "k consecutive losses, k capped at n-1; n from the states setting, by default the smallest that "
                + "tells apart 99% of the observed burst lengths"));
        register(new GilbertElliottType());
        REGISTRY.alias("ge", GilbertElliottType.ID);
        register(new AutoModel());
    }

    private LossModels() {
    }

    /** Adds a model type (a library user's own); its id must be new. */
    public static void register(LossModelType type) {
        REGISTRY.register(type);
    }

    public static List<LossModelType> all() {
        return REGISTRY.all();
    }

    /** The short names that choose the model {@code id} too ("ge"). */
    public static List<String> aliasesOf(String id) {
        return REGISTRY.aliasesOf(id);
    }

    public static LossModelType byId(String id) {
        return REGISTRY.byId(id);
    }
}
