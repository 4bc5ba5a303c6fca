package org.smarttunnel.eval.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.smarttunnel.common.table.Column;
import org.smarttunnel.common.table.TableSpec;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.dataset.CsvInput;

/**
 * Tunnels a user defines instead of drawing them: a CSV of {@code tunnel,trace} rows, the rows
 * of one tunnel giving its paths in order. Any traces of the dataset may form a tunnel — one
 * host probing several destinations (relays, multihoming) as well as several hosts probing one
 * site. Each tunnel falls in the cell (N, G) of its size and low-loss paths; its run number is
 * its place among that cell's tunnels in the file.
 */
public final class UserTunnels {
    /** One row of the file. */
    public record Row(String tunnel, String trace) {
    }

    public static final TableSpec<Row> TABLE = TableSpec.<Row>named("tunnels.csv")
            .about("evaluate --tunnels: the paths of every tunnel to evaluate, in path order")
            .column(Column.text("tunnel", Row::tunnel))
            .column(Column.text("trace", Row::trace))
            .build();

    /** A tunnel as the file gives it, with the line that named each path. */
    private record Defined(String name, List<PathPool.PoolTrace> paths) {
    }

    private UserTunnels() {
    }

    /** The cells of the tunnels in {@code file}: every N they have, every G from 0 to N. */
    public static List<Experiment.Cell> cells(Path file, PathPool pool) throws IOException, IngestException {
        Map<String, PathPool.PoolTrace> byId = new LinkedHashMap<>();
        pool.traces().forEach(t -> byId.put(t.id(), t));
        Map<String, List<PathPool.PoolTrace>> tunnels = new LinkedHashMap<>();
        String name = file.toString();
        CsvInput.read(file, TABLE, (r, line) -> {
            PathPool.PoolTrace t = byId.get(r.get(1));
            if (t == null) {
                throw IngestException.atLine(name, line, "no trace '" + r.get(1) + "' with probes in the dataset");
            }
            List<PathPool.PoolTrace> paths = tunnels.computeIfAbsent(r.get(0), k -> new ArrayList<>());
            if (paths.contains(t)) {
                throw IngestException.atLine(name, line, "trace '" + t.id() + "' twice in tunnel '" + r.get(0) + "'");
            }
            paths.add(t);
        });
        if (tunnels.isEmpty()) {
            throw IngestException.inFile(name, "no tunnel defined");
        }
        Map<List<Integer>, List<Defined>> byCell = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        TreeSet<Integer> sizes = new TreeSet<>();
        tunnels.forEach((tunnel, paths) -> {
            int n = paths.size();
            int g = (int) paths.stream().filter(PathPool.PoolTrace::low).count();
            sizes.add(n);
            byCell.computeIfAbsent(List.of(n, g), k -> new ArrayList<>()).add(new Defined(tunnel, paths));
        });
        List<Experiment.Cell> cells = new ArrayList<>();
        for (int n : sizes) {
            for (int g = 0; g <= n; g++) {
                List<Combination> combos = new ArrayList<>();
                for (Defined d : byCell.getOrDefault(List.of(n, g), List.of())) {
                    String sites = String.join(";", new TreeSet<>(d.paths().stream().map(PathPool.PoolTrace::site)
                            .toList()));
                    combos.add(new Combination(n, g, combos.size(), sites, d.paths()));
                }
                cells.add(new Experiment.Cell(n, g, combos.size(), combos));
            }
        }
        return cells;
    }

    /** The tunnel sizes of some cells, in order: the N of the tables. */
    public static List<Integer> sizes(List<Experiment.Cell> cells) {
        return cells.stream().map(Experiment.Cell::n).distinct().sorted().toList();
    }
}
