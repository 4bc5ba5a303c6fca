package org.smarttunnel.replay.run;

import java.util.Locale;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * What a replay does with paths of a tunnel that share congestion (detected per interval on the
 * window its models are fitted on, so a prediction never sees the future): IGNORE treats every
 * path as independent (the paper's evaluation); MERGE makes each detected group one path for
 * the allocator (the SmartTunnel paper, IV-E); AVOID keeps only the best path of each group.
 */
public enum SharedPaths {
    IGNORE, MERGE, AVOID;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SharedPaths parse(String text) {
        for (SharedPaths s : values()) {
            if (s.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidSettingException(Setting.SHARED_PATHS, "must be ignore, merge or avoid, not '" + text + "'");
    }
}
