package org.smarttunnel.replay.alloc;

/** A traffic allocation algorithm under evaluation. */
public interface Allocator {
    /** Short name used on the command line. */
    String id();

    /** One line for {@code smarttunnel allocators}. */
    String description();

    Allocation allocate(AllocationRequest request);
}
