package org.smarttunnel.fitting.predict;

import java.util.Locale;

/**
 * Where an interval's model comes from (METHOD section 5): ORACLE fits each interval on its
 * own probes; PREDICTED fits interval k on the pooled transition counts of the H intervals
 * before it (interval 0 has no history and no predicted model).
 */
public enum FitMode {
    ORACLE, PREDICTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
