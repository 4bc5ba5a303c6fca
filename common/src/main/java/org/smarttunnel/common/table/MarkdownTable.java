package org.smarttunnel.common.table;

import java.util.List;

/** GitHub-flavoured Markdown tables: text columns aligned left, numbers right. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static <T> String of(List<Column<T>> columns, List<? extends T> rows) {
        StringBuilder sb = new StringBuilder("|");
        for (Column<T> c : columns) {
            sb.append(' ').append(c.name()).append(" |");
        }
        sb.append("\n|");
        for (Column<T> c : columns) {
            sb.append(c.numeric() ? "---:|" : "---|");
        }
        sb.append('\n');
        for (T row : rows) {
            sb.append('|');
            for (Column<T> c : columns) {
                sb.append(' ').append(c.of(row)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
