package org.smarttunnel.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void sixSignificantDigitsPlainFromOneMillionthUp() {
        assertEquals("0", Numbers.number(0));
        assertEquals("0.25", Numbers.number(0.25));
        assertEquals("0.333333", Numbers.number(1.0 / 3));
        assertEquals("123457", Numbers.number(123456.7));
        assertEquals("0.00000123457", Numbers.number(1.234567e-6));
        assertEquals("7.97973E-17", Numbers.number(7.979729e-17));
        assertEquals("", Numbers.number(Double.NaN));
        assertEquals("inf", Numbers.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Numbers.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void ratesAreExactQuotientsOfCounts() {
        assertEquals("", Numbers.rate(0, 0));
        assertEquals("0", Numbers.rate(0, 7));
        assertEquals("0.0389", Numbers.rate(778, 20000));
        assertEquals("0.142857", Numbers.rate(1, 7));
        assertEquals("1", Numbers.rate(3, 3));
        assertEquals("0.000001", Numbers.rate(1, 1_000_000));
        assertEquals("0.1", Numbers.rate(999_999_5, 100_000_000), "rounds up to 1e-1 exactly");
    }

    /** The long-arithmetic rate against BigDecimal's division on random and edge counts. */
    @Test
    void fastRatesAgreeWithBigDecimal() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int c = 0; c < 200_000; c++) {
            long whole = switch (c % 4) {
                case 0 -> 1 + r.nextLong(50);
                case 1 -> 1 + r.nextLong(100_000);
                case 2 -> 1 + r.nextLong(1L << 40);
                default -> 1_000_000L * (1 + r.nextLong(1000));
            };
            long part = c % 7 == 0 ? whole : 1 + r.nextLong(whole);
            String want = new java.math.BigDecimal(part).divide(new java.math.BigDecimal(whole),
                    new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
            assertEquals(want, Numbers.fractionRate(part, whole), part + "/" + whole);
        }
    }
}
