package org.smarttunnel.common.table;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.smarttunnel.common.text.Numbers;

/**
 * One column of an output table, declared once: its name (the CSV header), its unit, how its
 * values are formatted (always in {@link Locale#ROOT}) and the function that reads the value
 * from a row. Writers (CSV, Markdown, terminal) only lay the texts out.
 *
 * @param unit what the values count or measure ("probes", "µs", "%", "fraction"); empty for
 *        labels and identifiers
 * @param numeric whether the values are numbers (terminal and Markdown align them right)
 */
public record Column<T>(String name, String unit, boolean numeric, Function<? super T, String> text) {
    /** Text as it is (labels, identifiers, lists already joined). */
    public static <T> Column<T> text(String name, Function<? super T, String> value) {
        return new Column<>(name, "", false, value);
    }

    /** A whole number in plain digits. */
    public static <T> Column<T> integer(String name, String unit, ToLongFunction<? super T> value) {
        return new Column<>(name, unit, true, row -> Long.toString(value.applyAsLong(row)));
    }

    /** A real number with six significant digits ({@link Numbers#number}); NaN is written empty. */
    public static <T> Column<T> number(String name, String unit, ToDoubleFunction<? super T> value) {
        return new Column<>(name, unit, true, row -> Numbers.number(value.applyAsDouble(row)));
    }

    /** A number already formatted by the caller (a ratio of exact counts, an optional value). */
    public static <T> Column<T> formatted(String name, String unit, Function<? super T, String> value) {
        return new Column<>(name, unit, true, value);
    }

    /** A real number in a fixed {@link String#format} pattern, e.g. "%.2f". */
    public static <T> Column<T> fixed(String name, String unit, String pattern, ToDoubleFunction<? super T> value) {
        return new Column<>(name, unit, true, row -> String.format(Locale.ROOT, pattern, value.applyAsDouble(row)));
    }

    /** The same column read from a larger row through {@code part}. */
    public <U> Column<U> from(Function<? super U, ? extends T> part) {
        Function<? super T, String> own = text;
        return new Column<>(name, unit, numeric, row -> own.apply(part.apply(row)));
    }

    /** This column's text for {@code row}. */
    public String of(T row) {
        return text.apply(row);
    }
}
