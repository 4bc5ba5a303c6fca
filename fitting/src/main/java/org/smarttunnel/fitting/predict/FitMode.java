package org.smarttunnel.fitting.predict;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * Where an interval's model comes from (METHOD section 5): ORACLE fits each interval on its
 * own probes; PREDICTED fits interval k on the pooled transition counts of the intervals
 * before it (interval 0 has no history and no predicted model).
 */
public enum FitMode {
    ORACLE, PREDICTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A comma-separated list of oracle, predicted and both. */
    public static Set<FitMode> parse(String text) {
        Set<FitMode> out = EnumSet.noneOf(FitMode.class);
        for (String word : text.split(",")) {
            switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "oracle" -> out.add(ORACLE);
                case "predicted" -> out.add(PREDICTED);
                case "both" -> out.addAll(EnumSet.allOf(FitMode.class));
                default -> throw new InvalidSettingException(Setting.MODES, "must list oracle, predicted or both, not '"
                        + word.trim() + "'");
            }
        }
        return out;
    }

    /** The modes of {@code modes} in table order: oracle, then predicted. */
    public static List<FitMode> ordered(Set<FitMode> modes) {
        return Arrays.stream(values()).filter(modes::contains).toList();
    }

    /** The modes as a command line would list them: "oracle,predicted". */
    public static String text(Set<FitMode> modes) {
        return String.join(",", ordered(modes).stream().map(FitMode::id).toList());
    }
}
