package org.smarttunnel.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LruTest {
    @Test
    void forgetsTheLeastRecentlyUsedBeyondTheBudget() {
        Lru<String, String> lru = Lru.weighted(5, String::length);
        lru.put("a", "xx");
        lru.put("b", "yy");
        assertEquals("xx", lru.get("a"), "a now most recently used");
        lru.put("c", "zz");
        assertNull(lru.get("b"), "b was the least recently used: 6 > 5");
        assertEquals("xx", lru.get("a"));
        assertEquals("zz", lru.get("c"));
        lru.put("a", "w");
        lru.put("d", "vv");
        assertEquals(3, lru.size(), "w + zz + vv = 5 fits");
        Lru<Integer, Integer> two = Lru.ofEntries(2);
        two.put(1, 1);
        two.put(2, 2);
        two.put(3, 3);
        assertNull(two.get(1));
        assertEquals(2, two.size());
        two.clear();
        assertEquals(0, two.size());
    }
}
