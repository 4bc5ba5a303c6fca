package org.smarttunnel.common.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A map that forgets its least recently used entries once their total weight passes a budget
 * (weight 1 each: a count of entries). Values must be immutable or never changed once put:
 * callers share what they get. Not thread-safe; the toolkit keeps one per thread.
 */
public final class Lru<K, V> {
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final ToLongFunction<V> weight;
    private final long budget;
    private long total;

    private Lru(long budget, ToLongFunction<V> weight) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be positive");
        }
        this.budget = budget;
        this.weight = weight;
    }

    /** At most {@code entries} entries. */
    public static <K, V> Lru<K, V> ofEntries(int entries) {
        return new Lru<>(entries, v -> 1);
    }

    /** At most {@code budget} in total of {@code weight} over the values kept. */
    public static <K, V> Lru<K, V> weighted(long budget, ToLongFunction<V> weight) {
        return new Lru<>(budget, weight);
    }

    /** The value kept for {@code key}, now the most recently used; null when none. */
    public V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} for {@code key}, then forgets the least recently used beyond the budget. */
    public void put(K key, V value) {
        V old = entries.put(key, value);
        total += weight.applyAsLong(value) - (old == null ? 0 : weight.applyAsLong(old));
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (total > budget && eldest.hasNext()) {
            total -= weight.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        total = 0;
    }
}
