package org.smarttunnel.replay.alloc;

import java.util.Optional;

/**
 * A traffic allocation algorithm under evaluation: given the path models of one mode (never the
 * interval's losses), it decides how many data and redundant packets of each group every path
 * carries and in which slots. The contract every registered allocator is tested against: data
 * counts add up to D and redundant counts to K; capacities are honoured where the allocator says
 * it honours them; the same request (seed included) gives the same schedule.
 */
public interface Allocator {
    /** Short name used on the command line. */
    String id();

    /** One line for {@code smarttunnel allocators}: what it does and whose idea it is. */
    String description();

    /** Its registry group. */
    AllocatorGroup group();

    /** The name the SmartTunnel paper's tables give it, if they have it. */
    Optional<String> paperName();

    /** Whether it keeps every path within the request's capacities (paper Fig. 4). */
    default boolean honoursCapacity() {
        return false;
    }

    Allocation allocate(AllocationRequest request);
}
