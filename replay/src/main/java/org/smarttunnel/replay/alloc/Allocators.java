package org.smarttunnel.replay.alloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of allocators, sorted by id; the command line lists it. */
public final class Allocators {
    private static final Map<String, Allocator> BUILT_IN = new TreeMap<>();

    static {
        for (Allocator a : List.of(new SmartTunnel(), new SmartTunnelExact(), new Mkwnu(), new RoundRobin(),
                new Greedy(), new Mpip(), new DeficitRoundRobin(), new MinRtt())) {
            BUILT_IN.put(a.id(), a);
        }
    }

    private Allocators() {
    }

    public static List<Allocator> all() {
        return Collections.unmodifiableList(new ArrayList<>(BUILT_IN.values()));
    }

    public static Allocator byId(String id) {
        Allocator a = BUILT_IN.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no allocator '" + id + "'; known: " + String.join(", ", BUILT_IN.keySet()));
        }
        return a;
    }

    /** "all" or a comma-separated list of ids, in the order given. */
    public static List<Allocator> parse(String text) {
        if (text.equals("all")) {
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
