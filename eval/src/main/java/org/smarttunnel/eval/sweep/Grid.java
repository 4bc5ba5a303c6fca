package org.smarttunnel.eval.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smarttunnel.ingest.IngestException;

/**
 * A sweep's grid: per evaluate option, the values to try. The file is one option per line,
 * {@code name = value | value | ...} (the option without its dashes; a value may itself be a
 * comma-separated list, as {@code paths = 2,3 | 4,6}), {@code #} starting a comment. The points
 * are the cartesian product, the last option varying fastest, in the file's order.
 *
 * @param axes the options and their values, in the file's order
 */
public record Grid(List<Axis> axes) {
    /** One swept option and its values. */
    public record Axis(String option, List<String> values) {
    }

    /** One point of the grid: a value per option, in the grid's order; {@code number} counts from 1. */
    public record Point(int number, Map<String, String> values) {
        /** "group=20 history=4". */
        public String label() {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return b.toString();
        }

        /** The point's directory name: point-001. */
        public String directory() {
            return String.format(java.util.Locale.ROOT, "point-%03d", number);
        }
    }

    /** The most points a grid may have. */
    public static final int MAX_POINTS = 10_000;

    public Grid {
        axes = List.copyOf(axes);
    }

    /**
     * Reads a grid file; {@code options} are the names it may use. A line that is not
     * {@code name = values}, an unknown or repeated option, or an empty value is an error naming
     * the file and line.
     */
    public static Grid read(Path file, Set<String> options) throws IOException, IngestException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Axis> axes = new ArrayList<>();
        String name = file.toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw IngestException.atLine(name, i + 1, "expected 'option = value | value ...', not '" + line + "'");
            }
            String option = line.substring(0, eq).strip();
            if (option.startsWith("--")) {
                option = option.substring(2);
            }
            if (!options.contains(option)) {
                throw IngestException.atLine(name, i + 1, "evaluate has no option --" + option + " to sweep (one of "
                        + String.join(", ", new java.util.TreeSet<>(options)) + ")");
            }
            String o = option;
            if (axes.stream().anyMatch(a -> a.option().equals(o))) {
                throw IngestException.atLine(name, i + 1, "--" + option + " is swept twice");
            }
            List<String> values = new ArrayList<>();
            for (String v : line.substring(eq + 1).split("\\|", -1)) {
                if (v.isBlank()) {
                    throw IngestException.atLine(name, i + 1, "an empty value for --" + option);
                }
                values.add(v.strip());
            }
            axes.add(new Axis(option, values));
        }
        if (axes.isEmpty()) {
            throw IngestException.inFile(name, "no option to sweep");
        }
        Grid g = new Grid(axes);
        if (g.size() > MAX_POINTS) {
            throw IngestException.inFile(name, g.size() + " points, more than " + MAX_POINTS);
        }
        return g;
    }

    /** The number of points. */
    public long size() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    /** Every point, the last option varying fastest. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        int[] index = new int[axes.size()];
        for (int p = 0; p < size(); p++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                values.put(axes.get(a).option(), axes.get(a).values().get(index[a]));
            }
            out.add(new Point(p + 1, values));
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++index[a] < axes.get(a).values().size()) {
                    break;
                }
                index[a] = 0;
            }
        }
        return out;
    }
}
