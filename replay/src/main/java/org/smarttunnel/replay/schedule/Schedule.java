package org.smarttunnel.replay.schedule;

import org.smarttunnel.fitting.stats.GroupLayout;

/** Which path carries each slot of group number k of an interval. */
public interface Schedule {
    GroupLayout group(long k);

    /** Whether every group uses the same layout (computed once, reused). */
    boolean fixed();

    /** The same layout for every group. */
    static Schedule fixed(GroupLayout layout) {
        return new Schedule() {
            @Override
            public GroupLayout group(long k) {
                return layout;
            }

            @Override
            public boolean fixed() {
                return true;
            }
        };
    }
}
