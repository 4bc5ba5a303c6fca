package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/** The registry of allocators, sorted by id; the command line lists it. */
public final class Allocators {
    private static final Map<String, Allocator> REGISTRY = new TreeMap<>();

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
    public static synchronized void register(Allocator a) {
        if (REGISTRY.putIfAbsent(a.id(), a) != null) {
            throw new IllegalArgumentException("an allocator '" + a.id() + "' is registered already");
        }
    }

    public static synchronized List<Allocator> all() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.values()));
    }

    /** The registered allocators of one group, by id. */
    public static List<Allocator> group(AllocatorGroup group) {
        return all().stream().filter(a -> a.group() == group).toList();
    }

    public static synchronized Allocator byId(String id) {
        Allocator a = REGISTRY.get(id);
        if (a == null) {
            throw new InvalidSettingException(Setting.ALLOCATORS, "must name known allocators, not '" + id
                    + "'; known: " + String.join(", ", REGISTRY.keySet()));
        }
        return a;
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

    /** The ids, comma-separated ("all" when they are the whole registry in its order). */
    public static String text(List<Allocator> allocators) {
        return allocators.equals(all()) ? "all" : String.join(",", allocators.stream().map(Allocator::id).toList());
    }
}
