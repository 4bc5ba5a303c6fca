package org.smarttunnel.replay.alloc;

import java.util.Optional;

/**
 * The part every allocator shares: its registry name, its one-line description, its group and
 * whether it honours per-path capacities. A new allocator extends this, implements
 * {@link #allocate}, and is added to {@link Allocators} (or registered there by a library user).
 */
public abstract class AbstractAllocator implements Allocator {
    private final String id;
    private final String description;
    private final AllocatorGroup group;
    private final String paperName;

    /** An allocator the SmartTunnel paper does not evaluate. */
    protected AbstractAllocator(String id, AllocatorGroup group, String description) {
        this(id, group, null, description);
    }

    /** {@code paperName}: the name the SmartTunnel paper's tables give it, null for none. */
    protected AbstractAllocator(String id, AllocatorGroup group, String paperName, String description) {
        this.id = id;
        this.group = group;
        this.paperName = paperName;
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

    @Override
    public final AllocatorGroup group() {
        return group;
    }

    @Override
    public final Optional<String> paperName() {
        return Optional.ofNullable(paperName);
    }
}
