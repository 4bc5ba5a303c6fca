package org.smarttunnel.common.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An output table's declaration: its file name and its columns in order. Adding a column is
 * one line here and one golden file; the CSV, Markdown and terminal writers follow.
 */
public record TableSpec<T>(String name, String description, List<Column<T>> columns) {
    public TableSpec {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(name + " declares no column");
        }
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException(name + " declares a column twice");
        }
    }

    /** Starts the declaration of table {@code name}. */
    public static <T> Builder<T> named(String name) {
        return new Builder<>(name);
    }

    /** The column names, the CSV header. */
    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** One row's texts, column by column. */
    public List<String> texts(T row) {
        List<String> out = new ArrayList<>(columns.size());
        for (Column<T> c : columns) {
            out.add(c.of(row));
        }
        return out;
    }

    /** Collects columns in order. */
    public static final class Builder<T> {
        private final String name;
        private String description = "";
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** What one row is, for the reference documentation. */
        public Builder<T> about(String text) {
            description = text;
            return this;
        }

        public Builder<T> column(Column<T> c) {
            columns.add(c);
            return this;
        }

        /** Every column of {@code spec}, read from this table's rows through {@code part}. */
        public <U> Builder<T> columns(TableSpec<U> spec, Function<? super T, ? extends U> part) {
            for (Column<U> c : spec.columns()) {
                columns.add(c.from(part));
            }
            return this;
        }

        public TableSpec<T> build() {
            return new TableSpec<>(name, description, columns);
        }
    }
}
