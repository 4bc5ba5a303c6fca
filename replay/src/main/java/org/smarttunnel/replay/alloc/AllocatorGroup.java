package org.smarttunnel.replay.alloc;

/** How the registry groups allocators; reports compare the groups, never hard-coded ids. */
public enum AllocatorGroup {
    SMARTTUNNEL("SmartTunnel family", "SmartTunnel's allocation and its exact-scoring variant: the allocators under test"),
    PAPER_BASELINE("paper's baselines", "the baselines the SmartTunnel paper compares against"),
    BEYOND("beyond the paper", "schedulers from common practice and later work, not in the paper");

    private final String label;
    private final String description;

    AllocatorGroup(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name for tables. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
