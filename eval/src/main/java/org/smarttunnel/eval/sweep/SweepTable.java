package org.smarttunnel.eval.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.IngestException;

/**
 * {@code sweep.csv}: every point's cells in one long table — the point, its value of each swept
 * option, then the cell (N, K, G, mode, allocator), its intervals, loss-free share with its
 * interval and mean loss rate with its interval, as the point's {@code loss_free.csv} and
 * {@code mean_loss.csv} have them (text copied, so the numbers are the points' own).
 */
public final class SweepTable {
    /** One cell of one point. */
    public record Row(Grid.Point point, List<String> cell) {
    }

    /** The cell columns after the point's options, with where they come from. */
    private static final List<String> LOSS_FREE = List.of("n_paths", "k", "g", "mode", "allocator", "intervals",
            "loss_free_pct", "ci_low", "ci_high");
    private static final List<String> MEAN_LOSS = List.of("mean_loss_rate", "ci_low", "ci_high");

    private SweepTable() {
    }

    /** The table's columns for a grid: point, each option, then the cell's. */
    public static TableSpec<Row> spec(Grid grid) {
        TableSpec.Builder<Row> b = TableSpec.<Row>named("sweep.csv")
                .about("sweep: every point's cells, with its value of each swept option")
                .column(Column.integer("point", "", r -> r.point().number()));
        for (Grid.Axis a : grid.axes()) {
            b = b.column(Column.text(a.option(), r -> r.point().values().get(a.option())));
        }
        List<String> names = new ArrayList<>(LOSS_FREE);
        names.add("mean_loss_rate");
        names.add("loss_ci_low");
        names.add("loss_ci_high");
        for (int i = 0; i < names.size(); i++) {
            int c = i;
            b = b.column(Column.text(names.get(i), r -> r.cell().get(c)));
        }
        return b.build();
    }

    /** Every cell of every point, from the points' directories under {@code out}. */
    public static List<Row> rows(Path out, List<Grid.Point> points) throws IOException, IngestException {
        List<Row> rows = new ArrayList<>();
        for (Grid.Point p : points) {
            Path dir = out.resolve(p.directory());
            List<String[]> free = read(dir.resolve("loss_free.csv"), LOSS_FREE);
            Map<String, String[]> loss = new HashMap<>();
            Path mean = dir.resolve("mean_loss.csv");
            List<String> header = List.of("n_paths", "k", "g", "mode", "allocator", "intervals", "mean_loss_rate",
                    "ci_low", "ci_high");
            for (String[] r : read(mean, header)) {
                loss.put(String.join(",", java.util.Arrays.copyOf(r, 6)), r);
            }
            for (String[] r : free) {
                String[] l = loss.get(String.join(",", java.util.Arrays.copyOf(r, 6)));
                if (l == null) {
                    throw IngestException.inFile(mean.toString(), "no row for the cell " + String.join(",",
                            java.util.Arrays.copyOf(r, 6)) + " of loss_free.csv");
                }
                List<String> cell = new ArrayList<>(List.of(r).subList(0, LOSS_FREE.size()));
                cell.addAll(List.of(l).subList(6, 6 + MEAN_LOSS.size()));
                rows.add(new Row(p, cell));
            }
        }
        return rows;
    }

    /** A point's table, its first columns as {@code columns} say. */
    private static List<String[]> read(Path file, List<String> columns) throws IOException, IngestException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !List.of(lines.get(0).split(",", -1)).subList(0, Math.min(columns.size(),
                lines.get(0).split(",", -1).length)).equals(columns)) {
            throw IngestException.atLine(file.toString(), 1, "expected the columns " + String.join(",", columns));
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < columns.size()) {
                throw IngestException.atLine(file.toString(), i + 1, "expected " + columns.size() + " fields");
            }
            out.add(f);
        }
        return out;
    }
}
