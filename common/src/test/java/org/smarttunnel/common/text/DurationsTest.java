package org.smarttunnel.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesTheUsualForms() {
        assertEquals(2_000_000_000L, Durations.parseNs("2s"));
        assertEquals(2_000_000L, Durations.parseNs("2ms"));
        assertEquals(1_500_000_000L, Durations.parseNs("1.5s"));
        assertEquals(300_000_000_000L, Durations.parseNs("5m"));
        assertEquals(250_000L, Durations.parseNs("250us"));
        assertEquals(0, Durations.parseNs("0"));
        assertEquals(40_000_000_000L, Durations.parseNs(" 40 S "));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("2"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("0.5ns"));
    }

    @Test
    void formatsShortest() {
        assertEquals("40s", Durations.format(40_000_000_000L));
        assertEquals("2ms", Durations.format(2_000_000L));
        assertEquals("1500ms", Durations.format(1_500_000_000L));
        assertEquals("5m", Durations.format(300_000_000_000L));
    }
}
