package org.smarttunnel.common.table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: columns padded to their widest text, two spaces apart, numbers
 * aligned right; an optional footer line (totals) under the rows.
 */
public final class TerminalTable {
    private TerminalTable() {
    }

    public static <T> void print(PrintWriter out, List<Column<T>> columns, List<? extends T> rows) {
        print(out, columns, rows, List.of());
    }

    /** {@code footer} holds one text per column, or nothing. */
    public static <T> void print(PrintWriter out, List<Column<T>> columns, List<? extends T> rows,
            List<String> footer) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::name).toArray(String[]::new));
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = columns.get(c).of(row);
            }
            lines.add(line);
        }
        if (!footer.isEmpty()) {
            if (footer.size() != columns.size()) {
                throw new IllegalArgumentException("a footer needs one text per column");
            }
            lines.add(footer.toArray(new String[0]));
        }
        int[] width = new int[columns.size()];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                String pad = " ".repeat(width[c] - line[c].length());
                sb.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + line[c] : line[c] + pad);
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
