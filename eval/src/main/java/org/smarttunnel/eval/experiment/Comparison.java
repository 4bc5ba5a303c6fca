package org.smarttunnel.eval.experiment;

import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.common.text.Numbers;

/**
 * A paired comparison in one cell and mode: allocator A (the best of the SmartTunnel family
 * there) against B on the intervals both replayed. {@code aOnly} intervals were loss-free under A
 * alone, {@code bOnly} under B alone (McNemar's discordant pairs, exact two-sided p); on loss
 * rate, {@code aLower} intervals lost less under A, {@code bLower} under B (sign test, ties
 * dropped). The Holm-adjusted p-values are over every comparison of the file, one family per
 * test.
 */
public record Comparison(int n, int k, int g, String mode, String allocatorA, String allocatorB, long intervals,
        long aOnly, long bOnly, double pValue, double pHolm, long aLower, long bLower, double signP,
        double signPHolm) {

    public static final TableSpec<Comparison> TABLE = TableSpec.<Comparison>named("comparisons.csv")
            .about("evaluate: per cell and mode, the best of the SmartTunnel family against every other allocator "
                    + "on the same intervals: McNemar's exact test on loss-free intervals and the sign test on loss "
                    + "rates, with Holm's adjustment over the file")
            .column(Column.integer("n_paths", "paths", Comparison::n))
            .column(Column.integer("k", "packets", Comparison::k))
            .column(Column.integer("g", "paths", Comparison::g))
            .column(Column.text("mode", Comparison::mode))
            .column(Column.text("allocator_a", Comparison::allocatorA))
            .column(Column.text("allocator_b", Comparison::allocatorB))
            .column(Column.integer("intervals", "intervals", Comparison::intervals))
            .column(Column.integer("a_only", "intervals", Comparison::aOnly))
            .column(Column.integer("b_only", "intervals", Comparison::bOnly))
            .column(Column.formatted("p_value", "probability", c -> Numbers.number(c.pValue())))
            .column(Column.formatted("p_holm", "probability", c -> Numbers.number(c.pHolm())))
            .column(Column.integer("a_lower_loss", "intervals", Comparison::aLower))
            .column(Column.integer("b_lower_loss", "intervals", Comparison::bLower))
            .column(Column.formatted("sign_p_value", "probability", c -> Numbers.number(c.signP())))
            .column(Column.formatted("sign_p_holm", "probability", c -> Numbers.number(c.signPHolm())))
            .build();

    /** Whether the loss-free difference survives Holm at {@code level}. */
    public boolean significant(double level) {
        return pHolm < level;
    }

    /** Whether even the most one-sided outcome of this many discordant pairs could not reach {@code level}. */
    public boolean tooSmall(double level) {
        return org.smarttunnel.eval.uncertainty.PairedTests.smallestP(aOnly + bOnly) >= level;
    }
}
