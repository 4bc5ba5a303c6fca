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

    /**
     * The double-arithmetic six digits against BigDecimal's exact expansion: random bit patterns
     * over the plain range, ratios of small counts (the shape of loss rates), and values just
     * beside a half-way point of the sixth digit, where only the exact path can decide.
     */
    @Test
    void fastSixDigitsAgreeWithTheExactExpansion() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int decided = 0;
        for (int c = 0; c < 1_000_000; c++) {
            double v = switch (c % 4) {
                case 0 -> Math.pow(10, -30 + 45 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                case 1 -> (double) r.nextLong(1, 100_000) / r.nextLong(1, 100_000);
                case 2 -> Math.nextAfter((r.nextLong(100_000, 1_000_000) + 0.5) * Math.pow(10, r.nextInt(-11, 9)),
                        r.nextBoolean() ? 1 : -1);
                default -> Double.longBitsToDouble(r.nextLong(1, Double.doubleToLongBits(1e15)));
            };
            String fast = Numbers.plainSix(v);
            if (fast != null) {
                decided += c % 4 == 2 ? 0 : 1;
                assertEquals(Numbers.exactSix(v), fast, Double.toString(v));
            }
            assertEquals(Numbers.exactSix(v), Numbers.number(v), Double.toString(v));
        }
        assertEquals(true, decided > 740_000, decided + " of the 750,000 away from half-way points decided alone");
        assertEquals("1000000", Numbers.number(999_999.7));
        assertEquals("0.1", Numbers.number(0.09999996));
        assertEquals("-0.25", Numbers.number(-0.25));
        assertEquals("12000", Numbers.number(12_000.000001));
        assertEquals("7.97973E-17", Numbers.number(7.979729e-17));
        assertEquals("0.000001", Numbers.number(9.999999e-7), "rounds up into plain notation");
        assertEquals("1E-7", Numbers.number(1e-7));
        assertEquals("-2.5E-300", Numbers.number(-2.5e-300));
        assertEquals("4.94066E-324", Numbers.number(Double.MIN_VALUE));
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
