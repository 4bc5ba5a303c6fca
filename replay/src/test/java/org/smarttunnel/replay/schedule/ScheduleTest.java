package org.smarttunnel.replay.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.stats.GroupLayout;

class ScheduleTest {
    @Test
    void rememberedGivesTheSameLayoutsInAnyOrder() {
        RandomSchedule random = new RandomSchedule(new double[] {0.5, 0.3, 0.2}, 40, 33, 7);
        Schedule remembered = Schedule.remembered(random);
        for (int pass = 0; pass < 2; pass++) {
            for (long k = 0; k < 50; k++) {
                assertEquals(random.group(k), remembered.group(k), "group " + k + ", pass " + pass);
            }
        }
        // out of order: a group beyond those made so far is drawn, not kept, and still right
        Schedule fresh = Schedule.remembered(random);
        assertEquals(random.group(9), fresh.group(9));
        assertEquals(random.group(0), fresh.group(0));
        assertEquals(random.group(9), fresh.group(9));
        assertEquals(false, fresh.fixed());
    }

    @Test
    void aFixedScheduleIsReturnedAsItIs() {
        Schedule fixed = Schedule.fixed(GroupLayout.of(2, 2, 0, 1, 0, 1));
        assertSame(fixed, Schedule.remembered(fixed));
    }
}
