package org.smarttunnel.replay.alloc;

/** The part every allocator shares: its registry name and one-line description. */
abstract class NamedAllocator implements Allocator {
    private final String id;
    private final String description;

    NamedAllocator(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }
}
