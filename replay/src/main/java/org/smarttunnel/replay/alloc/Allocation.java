package org.smarttunnel.replay.alloc;

import org.smarttunnel.fitting.stats.GroupLayout;
import org.smarttunnel.replay.schedule.CreditSpreading;
import org.smarttunnel.replay.schedule.Schedule;

/**
 * What an allocator decided: the data and redundant packets of each path (for per-packet
 * random allocators, the realised counts of the first group) and the schedule that places
 * them in every group.
 */
public record Allocation(int[] data, int[] redundant, Schedule schedule) {
    public Allocation {
        if (data.length != redundant.length) {
            throw new IllegalArgumentException("data and redundant counts differ in length");
        }
        data = data.clone();
        redundant = redundant.clone();
    }

    /** Counts (d_i, r_i) placed by the credit scheme, data and redundancy separately (METHOD section 4). */
    public static Allocation spread(int[] data, int[] redundant) {
        return new Allocation(data, redundant, Schedule.fixed(layout(data, redundant)));
    }

    /** The group layout of {@link #spread} alone (a search scores many before it chooses one). */
    public static GroupLayout layout(int[] data, int[] redundant) {
        return join(CreditSpreading.spread(data, sum(data)), CreditSpreading.spread(redundant, sum(redundant)),
                data.length);
    }

    /** The layout whose data slots go to {@code dataOwners}, then its redundant slots to {@code redundantOwners}. */
    static GroupLayout join(int[] dataOwners, int[] redundantOwners, int paths) {
        int[] owner = java.util.Arrays.copyOf(dataOwners, dataOwners.length + redundantOwners.length);
        System.arraycopy(redundantOwners, 0, owner, dataOwners.length, redundantOwners.length);
        return new GroupLayout(dataOwners.length, owner, paths);
    }

    static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** An explicit layout, counts taken from it. */
    public static Allocation of(GroupLayout layout) {
        int[][] c = counts(layout);
        return new Allocation(c[0], c[1], Schedule.fixed(layout));
    }

    /** A varying schedule, counts taken from its first group. */
    public static Allocation of(Schedule schedule) {
        int[][] c = counts(schedule.group(0));
        return new Allocation(c[0], c[1], schedule);
    }

    private static int[][] counts(GroupLayout layout) {
        int[] d = new int[layout.paths()];
        int[] r = new int[layout.paths()];
        for (int s = 0; s < layout.groupSize(); s++) {
            if (s < layout.data()) {
                d[layout.pathOf(s)]++;
            } else {
                r[layout.pathOf(s)]++;
            }
        }
        return new int[][] {d, r};
    }

    @Override
    public int[] data() {
        return data.clone();
    }

    @Override
    public int[] redundant() {
        return redundant.clone();
    }

    /** "d1/r1;d2/r2;..." as the replay table writes it. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            sb.append(i == 0 ? "" : ";").append(data[i]).append('/').append(redundant[i]);
        }
        return sb.toString();
    }
}
