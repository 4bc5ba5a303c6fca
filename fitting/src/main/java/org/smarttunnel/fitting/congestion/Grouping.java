package org.smarttunnel.fitting.congestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Groups of paths that share congestion (GMS, after FlowMate) and the selection of paths from
 * distinct groups. Paths are taken in trace-id order; each group's representative is its first
 * path; a path joins the first group whose representative it shares congestion with, else it
 * starts a new group.
 */
public final class Grouping {
    /** A path and its whole-trace loss rate. */
    public record Path(String trace, double lossRate) {
    }

    /** A group: its number (from 1, in creation order), its representative and its members in id order. */
    public record Group(int number, Path representative, List<Path> members) {
        public Group {
            members = List.copyOf(members);
        }

        /** The member with the lowest loss rate, ties by trace id. */
        public Path best() {
            return members.stream().min(BY_QUALITY).orElseThrow();
        }
    }

    /** Lowest loss rate first, ties by trace id. */
    public static final Comparator<Path> BY_QUALITY = Comparator.comparingDouble(Path::lossRate)
            .thenComparing(Path::trace);

    private Grouping() {
    }

    /** GMS: {@code shared} says whether two traces share congestion. */
    public static List<Group> groups(List<Path> paths, BiPredicate<String, String> shared) {
        List<Path> ordered = new ArrayList<>(paths);
        ordered.sort(Comparator.comparing(Path::trace));
        List<List<Path>> members = new ArrayList<>();
        for (Path p : ordered) {
            List<Path> home = null;
            for (List<Path> g : members) {
                if (shared.test(g.get(0).trace(), p.trace())) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                members.add(home);
            }
            home.add(p);
        }
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(new Group(i + 1, members.get(i).get(0), members.get(i)));
        }
        return out;
    }

    /** Groups from known memberships (trace -> group name), e.g. a simulation's truth; groups in order of first member. */
    public static List<Group> known(List<Path> paths, Map<String, String> groupOf) {
        List<String> names = new ArrayList<>();
        List<List<Path>> members = new ArrayList<>();
        List<Path> ordered = new ArrayList<>(paths);
        ordered.sort(Comparator.comparing(Path::trace));
        for (Path p : ordered) {
            String name = groupOf.getOrDefault(p.trace(), "solo:" + p.trace());
            int i = names.indexOf(name);
            if (i < 0) {
                names.add(name);
                members.add(new ArrayList<>());
                i = names.size() - 1;
            }
            members.get(i).add(p);
        }
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(new Group(i + 1, members.get(i).get(0), members.get(i)));
        }
        return out;
    }

    /**
     * S paths from distinct groups as far as possible: groups ranked by their best member (lowest
     * loss rate, ties by trace id); the best member of each of the first S groups; when S
     * exceeds the groups, the next-best members in group rank order, one per group per round.
     */
    public static List<Path> select(List<Group> groups, int s) {
        List<List<Path>> ranked = new ArrayList<>();
        for (Group g : groups) {
            List<Path> m = new ArrayList<>(g.members());
            m.sort(BY_QUALITY);
            ranked.add(m);
        }
        ranked.sort((x, y) -> BY_QUALITY.compare(x.get(0), y.get(0)));
        List<Path> out = new ArrayList<>();
        for (int round = 0; out.size() < s; round++) {
            boolean any = false;
            for (List<Path> g : ranked) {
                if (round < g.size() && out.size() < s) {
                    out.add(g.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** The group each trace belongs to, by trace. */
    public static Map<String, Group> membership(List<Group> groups) {
        Map<String, Group> out = new java.util.HashMap<>();
        for (Group g : groups) {
            g.members().forEach(p -> out.put(p.trace(), g));
        }
        return out;
    }

    /**
     * The Selection Correctness Index of a selection {@code result} against the correct one, both
     * judged by the true groups: (1 - sum over true groups of (S_i - 1) / |P_r|) x (1 - | |G_c| -
     * |G_r| | / max(|G_c|, |G_r|)) x (1 - N_ms / (alpha |P_c|)), S_i the members of the result in
     * true group i, G_c and G_r the true groups the two selections touch, N_ms the members of the
     * correct selection missing from the result; 0 when nothing is selected.
     */
    public static double sci(List<String> correct, List<String> result, Map<String, String> trueGroupOf,
            double alpha) {
        if (result.isEmpty() || correct.isEmpty()) {
            return 0;
        }
        Map<String, Integer> perGroup = new java.util.HashMap<>();
        for (String t : result) {
            perGroup.merge(trueGroupOf.getOrDefault(t, t), 1, Integer::sum);
        }
        double excess = 0;
        for (int s : perGroup.values()) {
            excess += s - 1;
        }
        Set<String> touchedR = perGroup.keySet();
        Set<String> touchedC = new java.util.HashSet<>();
        for (String t : correct) {
            touchedC.add(trueGroupOf.getOrDefault(t, t));
        }
        long missing = correct.stream().filter(t -> !result.contains(t)).count();
        double first = 1 - excess / result.size();
        double second = 1 - (double) Math.abs(touchedC.size() - touchedR.size()) / Math.max(touchedC.size(),
                touchedR.size());
        double third = 1 - missing / (alpha * correct.size());
        return first * second * third;
    }

    /** |A ∩ B| / |A ∪ B|. */
    public static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        long both = a.stream().distinct().filter(b::contains).count();
        return union.isEmpty() ? 1 : (double) both / union.size();
    }
}
