package org.smarttunnel.common.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * A family of interchangeable parts by short name (allocators, loss models, input formats):
 * the command line lists it and a setting chooses from it. Entries are kept sorted by name, or
 * in the order they were registered where order matters. Thread-safe.
 */
public final class Registry<T> {
    private final String what;
    private final Setting setting;
    private final Function<? super T, String> id;
    private final Map<String, T> entries;
    private final Map<String, String> aliases = new TreeMap<>();

    private Registry(String what, Setting setting, Function<? super T, String> id, Map<String, T> entries) {
        this.what = what;
        this.setting = setting;
        this.id = id;
        this.entries = entries;
    }

    /** A registry listed by name; {@code what} names an entry in messages ("allocator"). */
    public static <T> Registry<T> sorted(String what, Setting setting, Function<? super T, String> id) {
        return new Registry<>(what, setting, id, new TreeMap<>());
    }

    /** A registry listed in the order entries were registered. */
    public static <T> Registry<T> ordered(String what, Setting setting, Function<? super T, String> id) {
        return new Registry<>(what, setting, id, new LinkedHashMap<>());
    }

    /** Adds an entry; its name must be new. */
    public synchronized void register(T entry) {
        String name = id.apply(entry);
        if (entries.putIfAbsent(name, entry) != null) {
            throw new IllegalArgumentException("a " + what + " '" + name + "' is registered already");
        }
    }

    /** Lets {@code alias} choose the entry {@code name} too (a short form); it must be new. */
    public synchronized void alias(String alias, String name) {
        if (!entries.containsKey(name) || entries.containsKey(alias) || aliases.putIfAbsent(alias, name) != null) {
            throw new IllegalArgumentException("cannot make '" + alias + "' a short name of " + what + " '" + name
                    + "'");
        }
    }

    /** The short names of the entry {@code name}, sorted. */
    public synchronized List<String> aliasesOf(String name) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
    }

    public synchronized List<T> all() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    public synchronized boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The entry of that name, or an {@link InvalidSettingException} listing the names there are. */
    public synchronized T byId(String name) {
        T entry = entries.get(aliases.getOrDefault(name.trim(), name.trim()));
        if (entry == null) {
            throw new InvalidSettingException(setting, "must be " + choices() + ", not '" + name + "'");
        }
        return entry;
    }

    /** "one of a, b, c" for messages. */
    public synchronized String choices() {
        return "one of " + String.join(", ", entries.keySet());
    }
}
