package org.smarttunnel.replay.schedule;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.fitting.stats.GroupLayout;

/** Which path carries each slot of group number k of an interval. */
public interface Schedule {
    GroupLayout group(long k);

    /** Whether every group uses the same layout (computed once, reused). */
    boolean fixed();

    /**
     * This schedule, keeping the layouts it makes for groups asked for in order from 0: an
     * interval's loss replay and its time replay walk the same groups, and a random schedule
     * would draw each layout twice. A fixed schedule is returned as it is.
     */
    static Schedule remembered(Schedule schedule) {
        if (schedule.fixed()) {
            return schedule;
        }
        return new Schedule() {
            private final List<GroupLayout> made = new ArrayList<>();

            @Override
            public GroupLayout group(long k) {
                if (k < made.size()) {
                    return made.get((int) k);
                }
                GroupLayout layout = schedule.group(k);
                if (k == made.size()) {
                    made.add(layout);
                }
                return layout;
            }

            @Override
            public boolean fixed() {
                return false;
            }
        };
    }

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
