package org.smarttunnel.eval.report;

import java.util.List;

/** GitHub-flavoured Markdown tables. */
final class Markdown {
    private Markdown() {
    }

    /** A table; the first column is left-aligned, the others right-aligned. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }
}
