package org.smarttunnel.cli;

import org.smarttunnel.common.options.Setting;

/** Which flag sets each setting: core modules name settings, the command line names flags. */
final class Flags {
    private Flags() {
    }

    static String of(Setting s) {
        return switch (s) {
            case FORMAT -> "--format";
            case READER -> "--readers";
            case HOST -> "--host";
            case SITE -> "--site";
            case TIMEOUT -> "--timeout";
            case INTERVAL -> "--interval";
            case SPACING, PACKET_SPACING -> "--spacing";
            case ZONE -> "--zone";
            case ORIGIN -> "--origin";
            case DIRECTION -> "--direction";
            case DECAP -> "--decap";
            case MODEL -> "--model";
            case STATES -> "--states";
            case HISTORY -> "--history";
            case MODES -> "--modes";
            case LEVEL -> "--level";
            case DEVICE -> "--dev";
            case ALLOCATORS -> "--allocators";
            case GROUP -> "--group";
            case REDUNDANCY -> "--redundancy";
            case ALIGN -> "--align";
            case CAPACITY -> "--capacity";
            case SEED -> "--seed";
            case EMAX -> "--emax";
            case TARGET_LOSS -> "--target-loss";
            case MAX_REDUNDANCY -> "--max-redundancy";
            case PATHS -> "--paths";
            case RUNS -> "--runs";
            case LOW_LOSS -> "--low-loss";
            case CONFIDENCE -> "--confidence";
            case ALL_TUNNELS -> "--all-tunnels";
            case MAX_TUNNELS -> "--max-tunnels";
            case SHARD -> "--shard";
            case BOOTSTRAP -> "--bootstrap";
            case THREADS -> "--threads";
            case HOSTS -> "--hosts";
            case SITES -> "--sites";
            case DURATION -> "--duration";
            case ON -> "--on";
            case OFF -> "--off";
            case LOW_LOSS_SHARE -> "--low-loss-share";
            case DRIFT -> "--drift";
            case DRIFT_PERIOD -> "--drift-period";
            case SHARED, SHARED_PATHS -> "--shared";
            case TRACES -> "--traces";
            case BIN -> "--bin";
            case SELECT -> "--select";
            case TRUTH -> "--truth";
            case DEADLINE -> "--deadline";
            case DELAYS -> "--delays";
        };
    }
}
