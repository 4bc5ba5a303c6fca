package org.smarttunnel.replay.run;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.fitting.predict.ModelOptions;
import org.smarttunnel.replay.alloc.Allocator;
import org.smarttunnel.replay.alloc.Allocators;

/**
 * Options of a replay (METHOD sections 3-6): how models are fitted, the allocators, the group
 * size and redundant packets per group, how the traces' intervals line up, per-path capacities
 * (packets per group, empty for none), the seed of every random choice, smarttunnel's Emax,
 * and optional FEC adaptation (a target loss rate, and the largest redundancy to try: half the
 * group unless set), what to do with paths that share congestion, and the bin length of the
 * shared-congestion tests; the tunnel's packet spacing for the time metrics (empty: the median
 * probe spacing of the interval) and their late deadline, and whether they are computed at all.
 */
public record ReplayOptions(ModelOptions models, List<Allocator> allocators, int group, int redundancy,
        Alignment alignment, List<Integer> capacity, long seed, int emax, OptionalDouble targetLoss,
        OptionalInt maxRedundancy, SharedPaths shared, long binUs, OptionalLong spacingUs, long deadlineUs,
        Delays delays) {

    /**
     * Whether replays compute the time metrics (METHOD section 9): AUTO whenever the traces carry
     * delays, OFF never (loss only, as fast as the loss replay alone).
     */
    public enum Delays {
        AUTO, OFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Delays parse(String text) {
            for (Delays d : values()) {
                if (d.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw new InvalidSettingException(Setting.DELAYS, "must be auto or off, not '" + text + "'");
        }
    }

    /**
     * How the intervals of several traces line up: by interval number, by absolute time from the
     * latest first send (traces measured together), or AUTO: by time when the traces are pairwise
     * concurrent (their send times overlap by at least one interval), by number otherwise.
     */
    public enum Alignment {
        INTERVAL, TIME, AUTO;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Alignment parse(String text) {
            for (Alignment a : values()) {
                if (a.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw new InvalidSettingException(Setting.ALIGN, "must be interval, time or auto, not '" + text + "'");
        }
    }

    public ReplayOptions {
        allocators = List.copyOf(allocators);
        capacity = List.copyOf(capacity);
        InvalidSettingException.require(!allocators.isEmpty(), Setting.ALLOCATORS, "must name at least one allocator");
        InvalidSettingException.require(group >= 1 && group <= org.smarttunnel.common.options.Limits.MAX_GROUP,
                Setting.GROUP, "must lie between 1 and " + org.smarttunnel.common.options.Limits.MAX_GROUP + " packets");
        InvalidSettingException.require(redundancy >= 0 && redundancy < group, Setting.REDUNDANCY,
                "must lie between 0 and the group size - 1 (" + (group - 1) + ")");
        InvalidSettingException.require(capacity.stream().allMatch(c -> c >= 0), Setting.CAPACITY,
                "must not be negative");
        InvalidSettingException.require(capacity.isEmpty() || capacity.stream().mapToLong(c -> c).sum() >= group,
                Setting.CAPACITY, "must add up to at least the group size (" + group + ")");
        InvalidSettingException.require(emax >= 1, Setting.EMAX, "must be at least 1");
        InvalidSettingException.require(targetLoss.isEmpty() || targetLoss.getAsDouble() >= 0
                && targetLoss.getAsDouble() < 1, Setting.TARGET_LOSS, "must lie in [0, 1)");
        InvalidSettingException.require(maxRedundancy.isEmpty() || maxRedundancy.getAsInt() >= 0
                && maxRedundancy.getAsInt() < group, Setting.MAX_REDUNDANCY, "must lie between 0 and the group size - 1 ("
                + (group - 1) + ")");
        InvalidSettingException.require(binUs > 0, Setting.BIN, "must be positive");
        InvalidSettingException.require(spacingUs.isEmpty() || spacingUs.getAsLong() > 0, Setting.PACKET_SPACING,
                "must be positive");
        InvalidSettingException.require(deadlineUs > 0, Setting.DEADLINE, "must be positive");
        InvalidSettingException.require(shared == SharedPaths.IGNORE || capacity.isEmpty(), Setting.CAPACITY,
                "applies to the tunnel's own paths, so not with merged or avoided shared paths");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().models(models).allocators(allocators).group(group).redundancy(redundancy)
                .alignment(alignment).capacity(capacity).seed(seed).emax(emax).targetLoss(targetLoss)
                .maxRedundancy(maxRedundancy).shared(shared).binUs(binUs).spacingUs(spacingUs).deadlineUs(deadlineUs).delays(delays);
    }

    /** Whether the redundancy is adapted per interval (paper IV-D). */
    public boolean adapting() {
        return targetLoss.isPresent();
    }

    /** The largest redundancy adaptation tries. */
    public int adaptationLimit() {
        return maxRedundancy.orElse(group / 2);
    }

    /** The capacities as the allocators take them: null for none. */
    public int[] capacityArray() {
        return capacity.isEmpty() ? null : capacity.stream().mapToInt(Integer::intValue).toArray();
    }

    public ReplayOptions withRedundancy(int r) {
        return toBuilder().redundancy(r).build();
    }

    public ReplayOptions withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private ModelOptions models = ModelOptions.builder().build();
        private List<Allocator> allocators = Allocators.parse(Defaults.ALLOCATORS);
        private int group = Defaults.GROUP;
        private int redundancy = Defaults.REDUNDANCY;
        private Alignment alignment = Alignment.parse(Defaults.ALIGN);
        private List<Integer> capacity = List.of();
        private long seed = Defaults.SEED;
        private int emax = Defaults.EMAX;
        private OptionalDouble targetLoss = OptionalDouble.empty();
        private OptionalInt maxRedundancy = OptionalInt.empty();
        private SharedPaths shared = SharedPaths.parse(Defaults.SHARED_PATHS);
        private long binUs = Defaults.micros(Defaults.BIN);
        private OptionalLong spacingUs = OptionalLong.empty();
        private long deadlineUs = Defaults.micros(Defaults.DEADLINE);
        private Delays delays = Delays.parse(Defaults.DELAYS);

        public Builder models(ModelOptions m) {
            models = m;
            return this;
        }

        public Builder allocators(List<Allocator> a) {
            allocators = a;
            return this;
        }

        public Builder group(int g) {
            group = g;
            return this;
        }

        public Builder redundancy(int r) {
            redundancy = r;
            return this;
        }

        public Builder alignment(Alignment a) {
            alignment = a;
            return this;
        }

        public Builder capacity(List<Integer> c) {
            capacity = c;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder emax(int e) {
            emax = e;
            return this;
        }

        public Builder targetLoss(OptionalDouble t) {
            targetLoss = t;
            return this;
        }

        public Builder maxRedundancy(OptionalInt m) {
            maxRedundancy = m;
            return this;
        }

        public Builder shared(SharedPaths s) {
            shared = s;
            return this;
        }

        public Builder binUs(long b) {
            binUs = b;
            return this;
        }

        /** The tunnel's packet spacing Δ; empty for the median probe spacing of each interval. */
        public Builder spacingUs(OptionalLong s) {
            spacingUs = s;
            return this;
        }

        /** Packets released later than this after sending count as late. */
        public Builder delays(Delays d) {
            delays = d;
            return this;
        }

        public Builder deadlineUs(long d) {
            deadlineUs = d;
            return this;
        }

        public ReplayOptions build() {
            return new ReplayOptions(models, allocators, group, redundancy, alignment, capacity, seed, emax,
                    targetLoss, maxRedundancy, shared, binUs, spacingUs, deadlineUs, delays);
        }
    }
}
