package org.smarttunnel.replay.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smarttunnel.fitting.model.DelayProfile;
import org.smarttunnel.fitting.predict.PathModel;
import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.ingest.trace.LossSequence;
import org.smarttunnel.replay.Paths;
import org.smarttunnel.replay.engine.GroupReplay;
import org.smarttunnel.replay.engine.IntervalResult;

/**
 * What every allocator in the registry promises, checked on random requests (2 to 5 bursty
 * paths with delays, group sizes 10 to 60, any redundancy, sometimes capacities): every group
 * of its schedule carries exactly D data and K redundant packets, the counts it reports are its
 * first group's, capacities hold where it says it honours them, the same request gives the
 * same schedule, and the replay engine takes the schedule.
 */
class AllocatorContractTest {
    static Stream<Allocator> registry() {
        return Allocators.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registry")
    void keepsTheContract(Allocator a) {
        Random random = new Random(a.id().hashCode());
        for (int trial = 0; trial < 25; trial++) {
            AllocationRequest request = request(random, a.honoursCapacity() && trial % 3 == 0);
            Allocation first = a.allocate(request);
            Allocation again = a.allocate(request);
            int d = request.data();
            int k = request.redundancy();
            for (long g = 0; g < 5; g++) {
                GroupLayout layout = first.schedule().group(g);
                assertEquals(request.groupSize(), layout.groupSize(), a.id());
                assertEquals(d, layout.data(), a.id());
                assertEquals(layout, again.schedule().group(g), a.id() + ": same seed, same schedule");
                int[] carried = new int[request.size()];
                for (int s = 0; s < layout.groupSize(); s++) {
                    carried[layout.pathOf(s)]++;
                }
                if (request.capacity() != null) {
                    for (int p = 0; p < carried.length; p++) {
                        assertTrue(carried[p] <= request.capacity()[p], a.id() + ": path " + p + " carries "
                                + carried[p] + ", capacity " + request.capacity()[p]);
                    }
                }
            }
            assertEquals(d, sum(first.data()), a.id() + ": data counts");
            assertEquals(k, sum(first.redundant()), a.id() + ": redundant counts");
            GroupLayout g0 = first.schedule().group(0);
            for (int p = 0; p < request.size(); p++) {
                assertEquals(g0.slots(p).data(), first.data()[p], a.id());
                assertEquals(g0.slots(p).redundant(), first.redundant()[p], a.id());
            }
            List<LossSequence> losses = new ArrayList<>();
            for (int p = 0; p < request.size(); p++) {
                boolean[] lost = new boolean[request.groupSize() * 7 + 3];
                for (int i = 0; i < lost.length; i++) {
                    lost[i] = random.nextInt(20) == 0;
                }
                losses.add(LossSequence.of(lost));
            }
            IntervalResult r = GroupReplay.replay(losses, first.schedule(), request.groupSize());
            assertEquals(7, r.groups());
            assertEquals(7L * d, r.dataSent());
            assertFalse(r.dataLost() > r.dataSent());
        }
    }

    private static AllocationRequest request(Random random, boolean capacities) {
        int n = 2 + random.nextInt(4);
        int group = 10 + random.nextInt(51);
        int k = random.nextInt(group);
        List<PathModel> paths = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            double[] means = new double[20];
            double[] mins = new double[20];
            for (int i = 0; i < means.length; i++) {
                mins[i] = 10_000 + 1000 * p + random.nextInt(500);
                means[i] = mins[i] + random.nextInt(5000);
            }
            DelayProfile delay = Paths.delay(20_000 + 3000 * p, means, mins);
            paths.add(new PathModel(Paths.bursty(random), delay));
        }
        int[] capacity = null;
        if (capacities) {
            capacity = new int[n];
            int total = 0;
            for (int p = 0; p < n; p++) {
                capacity[p] = random.nextInt(group + 1);
                total += capacity[p];
            }
            capacity[random.nextInt(n)] += Math.max(0, group - total);
        }
        return new AllocationRequest(paths, group, k, capacity, random.nextLong(), 500);
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }
}
