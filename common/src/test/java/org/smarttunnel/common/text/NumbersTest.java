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
    }
}
