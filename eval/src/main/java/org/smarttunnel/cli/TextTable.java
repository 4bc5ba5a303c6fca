package org.smarttunnel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A plain-text table for the terminal: each column is declared once with its header, its
 * alignment and the function that reads its value from a row.
 */
final class TextTable<T> {
    private record Column<T>(String header, boolean right, Function<T, String> value) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    TextTable<T> left(String header, Function<T, String> value) {
        columns.add(new Column<>(header, false, value));
        return this;
    }

    TextTable<T> right(String header, Function<T, String> value) {
        columns.add(new Column<>(header, true, value));
        return this;
    }

    void print(PrintWriter out, List<T> rows, List<String> footer) {
        int[] width = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        String[] head = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            head[c] = columns.get(c).header();
        }
        cells.add(head);
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = columns.get(c).value().apply(row);
            }
            cells.add(line);
        }
        if (!footer.isEmpty()) {
            cells.add(footer.toArray(new String[0]));
        }
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                String pad = " ".repeat(width[c] - line[c].length());
                sb.append(c == 0 ? "" : "  ").append(columns.get(c).right() ? pad + line[c] : line[c] + pad);
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
