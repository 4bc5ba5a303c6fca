package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.List;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.registry.Registry;

/** The registry of allocators, sorted by id; the command line lists it. */
public final class Allocators {
    private static final Registry<Allocator> REGISTRY = Registry.sorted("allocator", Setting.ALLOCATORS,
            Allocator::id);

    static {
        register(new SmartTunnel());
        register(new SmartTunnelExact());
        register(new Mkwnu());
        register(new RoundRobin());
        register(new Greedy());
        register(new Mpip());
        register(new DeficitRoundRobin());
        register(new MinRtt());
    }

    private Allocators() {
    }

    /** Adds an allocator (a library user's own); its id must be new. */
    public static void register(Allocator a) {
        REGISTRY.register(a);
    }

    public static List<Allocator> all() {
        return REGISTRY.all();
    }

    public static Allocator byId(String id) {
        return REGISTRY.byId(id);
    }

    /** "all" or a comma-separated list of ids, in the order given. */
    public static List<Allocator> parse(String text) {
        if (text.trim().equals("all")) {
            return all();
        }
        List<Allocator> out = new ArrayList<>();
        for (String id : text.split(",")) {
            Allocator a = byId(id.trim());
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }
}
