package org.smarttunnel.fitting.stats;

import java.util.Arrays;

/**
 * Which path carries each slot of an FEC group of G = D + R slots: slots 0..D-1 carry data,
 * D..G-1 redundancy (METHOD section 3). The schedule an allocator computes once and reuses
 * for every group.
 */
public record GroupLayout(int data, int[] pathOfSlot, int paths) {
    public GroupLayout {
        if (data < 0 || data > pathOfSlot.length) {
            throw new IllegalArgumentException("data slots must lie between 0 and G=" + pathOfSlot.length);
        }
        for (int p : pathOfSlot) {
            if (p < 0 || p >= paths) {
                throw new IllegalArgumentException("slot assigned to path " + p + " of " + paths);
            }
        }
        pathOfSlot = pathOfSlot.clone();
    }

    public static GroupLayout of(int data, int paths, int... pathOfSlot) {
        return new GroupLayout(data, pathOfSlot, paths);
    }

    public int groupSize() {
        return pathOfSlot.length;
    }

    public int redundancy() {
        return pathOfSlot.length - data;
    }

    public int pathOf(int slot) {
        return pathOfSlot[slot];
    }

    @Override
    public int[] pathOfSlot() {
        return pathOfSlot.clone();
    }

    /** The slots path {@code p} carries. */
    public PathSlots slots(int p) {
        int count = 0;
        for (int x : pathOfSlot) {
            if (x == p) {
                count++;
            }
        }
        int[] slots = new int[count];
        int i = 0;
        for (int j = 0; j < pathOfSlot.length; j++) {
            if (pathOfSlot[j] == p) {
                slots[i++] = j;
            }
        }
        return new PathSlots(pathOfSlot.length, data, slots);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupLayout g && g.data == data && g.paths == paths
                && Arrays.equals(g.pathOfSlot, pathOfSlot);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pathOfSlot) + data;
    }

    @Override
    public String toString() {
        return "GroupLayout[D=" + data + ", paths=" + paths + ", " + Arrays.toString(pathOfSlot) + "]";
    }
}
