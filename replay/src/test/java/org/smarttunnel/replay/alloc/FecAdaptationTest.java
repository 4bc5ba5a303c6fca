package org.smarttunnel.replay.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.replay.Paths;

class FecAdaptationTest {
    static final List<PathModel> PATHS = List.of(Paths.of(0.01, 0.4), Paths.of(0.02, 0.3), Paths.of(0.005, 0.5));

    @Test
    void choosesTheSmallestRedundancyMeetingTheTarget() {
        AllocationRequest base = AllocationRequest.of(PATHS, 40, 7);
        for (double target : new double[] {1e-2, 1e-4, 1e-6}) {
            FecAdaptation.Adapted a = FecAdaptation.adapt(Allocators.byId("smarttunnel-exact"), base, target, 20);
            assertTrue(a.met(), "target " + target);
            assertTrue(a.predictedLossRate() <= target);
            assertEquals(a.redundancy(), java.util.Arrays.stream(a.allocation().redundant()).sum());
            if (a.redundancy() > 0) {
                AllocationRequest less = base.withRedundancy(a.redundancy() - 1);
                double rate = FecAdaptation.predictedLossRate(less, Allocators.byId("smarttunnel-exact").allocate(less));
                assertTrue(rate > target, "R - 1 would have met " + target + " too: " + rate);
            }
        }
    }

    @Test
    void saysWhenTheCapIsNotEnough() {
        FecAdaptation.Adapted a = FecAdaptation.adapt(Allocators.byId("rr"), AllocationRequest.of(PATHS, 40, 7), 1e-30, 3);
        assertFalse(a.met());
        assertEquals(3, a.redundancy());
    }
}
