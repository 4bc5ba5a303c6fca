package org.smarttunnel.fitting.stats;

import java.util.Arrays;

/**
 * The slots one path carries in a group of {@code groupSize} slots (ascending); a slot below
 * {@code dataSlots} carries data, the others redundancy.
 */
public record PathSlots(int groupSize, int dataSlots, int[] slots) {
    public PathSlots {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] < 0 || slots[i] >= groupSize || (i > 0 && slots[i] <= slots[i - 1])) {
                throw new IllegalArgumentException("slots must be ascending within the group: " + Arrays.toString(slots));
            }
        }
        slots = slots.clone();
    }

    /** Data packets this path carries (d_i). */
    public int data() {
        int d = 0;
        for (int s : slots) {
            if (s < dataSlots) {
                d++;
            }
        }
        return d;
    }

    /** Redundant packets this path carries (r_i). */
    public int redundant() {
        return slots.length - data();
    }

    public int count() {
        return slots.length;
    }

    public int slot(int i) {
        return slots[i];
    }

    public boolean isData(int i) {
        return slots[i] < dataSlots;
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathSlots p && p.groupSize == groupSize && p.dataSlots == dataSlots
                && Arrays.equals(p.slots, slots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(slots) * 31 + groupSize;
    }
}
