package dev.crosscheck.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges sets of values, one set per source: whether two sources conflict, and whether a running figure grew over
 * time. Callers pass each distinct value set once.
 *
 * <p>Sources with an unreadable value are compatible with everyone and take no part. When every source gives one
 * non-negative count or duration, both questions are answered by a sweep over interval ends in O(n log n);
 * otherwise sets are compared pairwise, stopping at the first conflict.
 */
final class ValueSets {

    /** One source's distinct values and its publication date (null when unknown). */
    record Member(LocalDate published, ClaimValue[] values) {
    }

    private ValueSets() {
    }

    /** Whether some two members have no compatible pair of values. */
    static boolean anyConflict(List<Member> members) {
        List<Member> judged = judged(members);
        if (judged.size() < 2) {
            return false;
        }
        if (sweepable(judged)) {
            Extremes all = new Extremes();
            for (Member m : judged) {
                all.add((ClaimValue.Numeric) m.values()[0]);
            }
            return all.conflictsWithin();
        }
        return anyConflictPairwise(judged);
    }

    /** The definition the sweep must agree with: some two members share no compatible pair of values. */
    static boolean anyConflictPairwise(List<Member> judged) {
        for (int i = 0; i < judged.size(); i++) {
            for (int j = i + 1; j < judged.size(); j++) {
                if (!compatible(judged.get(i), judged.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a running figure grew without ever shrinking: members of the same day are compatible; for members
     * of different days, the later one is compatible with the earlier one or lies above it; and at least one
     * later value lies above an earlier one. False when a member's date is unknown.
     */
    static boolean grows(List<Member> members) {
        List<Member> judged = judged(members);
        for (Member m : judged) {
            if (m.published() == null) {
                return false;
            }
        }
        judged.sort(Comparator.comparing(Member::published));
        return sweepable(judged) ? growsBySweep(judged) : growsPairwise(judged);
    }

    private static List<Member> judged(List<Member> members) {
        List<Member> out = new ArrayList<>(members.size());
        outer:
        for (Member m : members) {
            for (ClaimValue v : m.values()) {
                if (v instanceof ClaimValue.Unknown) {
                    continue outer;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static boolean compatible(Member a, Member b) {
        for (ClaimValue x : a.values()) {
            for (ClaimValue y : b.values()) {
                if (x.compatibleWith(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Some value of {@code later} lies above some value of {@code earlier}: neither end lower, one end higher. */
    private static boolean above(Member later, Member earlier) {
        for (ClaimValue x : later.values()) {
            for (ClaimValue y : earlier.values()) {
                if (x instanceof ClaimValue.Numeric l && y instanceof ClaimValue.Numeric e && dominates(l, e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean dominates(ClaimValue.Numeric l, ClaimValue.Numeric e) {
        return l.lo() >= e.lo() && l.hi() >= e.hi() && (l.lo() > e.lo() || l.hi() > e.hi());
    }

    /** The definition the sweep must agree with; {@code sorted} by publication date. */
    static boolean growsPairwise(List<Member> sorted) {
        boolean grew = false;
        for (int i = 0; i < sorted.size(); i++) {
            Member earlier = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                Member later = sorted.get(j);
                boolean compatible = compatible(earlier, later);
                if (earlier.published().equals(later.published())) {
                    if (!compatible) {
                        return false;
                    }
                    continue;
                }
                boolean above = above(later, earlier);
                if (!compatible && !above) {
                    return false;
                }
                grew |= above;
            }
        }
        return grew;
    }

    // ---- sweep over single non-negative counts or durations ----------------------------------------------

    /**
     * Every member has one value, all counts or all durations, none negative. For such values the gap that two
     * intervals may leave grows with the upper one and shrinks with the lower one, so the extreme ends decide.
     */
    private static boolean sweepable(List<Member> members) {
        Class<?> type = null;
        for (Member m : members) {
            if (m.values().length != 1) {
                return false;
            }
            ClaimValue v = m.values()[0];
            if (!(v instanceof ClaimValue.Count || v instanceof ClaimValue.Duration)
                    || ((ClaimValue.Numeric) v).lo() < 0) {
                return false;
            }
            if (type == null) {
                type = v.getClass();
            } else if (type != v.getClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean approximate(ClaimValue.Numeric v) {
        return v instanceof ClaimValue.Count c ? c.approximate() : ((ClaimValue.Duration) v).approximate();
    }

    /** A point at {@code x} of the same type as {@code like}, to probe compatibility between interval ends. */
    private static ClaimValue point(ClaimValue.Numeric like, double x, boolean approximate) {
        return like instanceof ClaimValue.Count ? new ClaimValue.Count(x, x, approximate)
                : new ClaimValue.Duration(x, x, approximate);
    }

    /** Whether a value starting at {@code upperLo} is incompatible with one ending at {@code lowerHi}. */
    private static boolean apart(ClaimValue.Numeric like, double upperLo, double lowerHi, boolean approximate) {
        return upperLo > lowerHi && !point(like, upperLo, approximate).compatibleWith(point(like, lowerHi, false));
    }

    /** Highest lower ends and lowest upper ends, over all, exact and approximate values. */
    private static final class Extremes {
        ClaimValue.Numeric like;
        double maxLo = Double.NEGATIVE_INFINITY;
        double maxLoExact = Double.NEGATIVE_INFINITY;
        double maxLoApprox = Double.NEGATIVE_INFINITY;
        double minHi = Double.POSITIVE_INFINITY;
        double minHiExact = Double.POSITIVE_INFINITY;
        double minHiApprox = Double.POSITIVE_INFINITY;

        void add(ClaimValue.Numeric v) {
            like = v;
            maxLo = Math.max(maxLo, v.lo());
            minHi = Math.min(minHi, v.hi());
            if (approximate(v)) {
                maxLoApprox = Math.max(maxLoApprox, v.lo());
                minHiApprox = Math.min(minHiApprox, v.hi());
            } else {
                maxLoExact = Math.max(maxLoExact, v.lo());
                minHiExact = Math.min(minHiExact, v.hi());
            }
        }

        /** Whether a value with a lower end among {@code upper}'s conflicts with one among this one's upper ends. */
        boolean conflictsAbove(Extremes upper) {
            if (like == null || upper.like == null) {
                return false;
            }
            return apart(like, upper.maxLoExact, minHiExact, false)
                    || apart(like, upper.maxLo, minHiApprox, true)
                    || apart(like, upper.maxLoApprox, minHi, true);
        }

        boolean conflictsWithin() {
            return conflictsAbove(this);
        }
    }

    private static boolean growsBySweep(List<Member> sorted) {
        Extremes earlier = new Extremes();
        // The lowest upper end among earlier values, per lower end: a staircase with hi falling as lo rises.
        TreeMap<Double, Double> frontier = new TreeMap<>();
        boolean grew = false;
        int i = 0;
        while (i < sorted.size()) {
            LocalDate day = sorted.get(i).published();
            int j = i;
            Extremes today = new Extremes();
            while (j < sorted.size() && sorted.get(j).published().equals(day)) {
                today.add((ClaimValue.Numeric) sorted.get(j).values()[0]);
                j++;
            }
            if (today.conflictsWithin() || today.conflictsAbove(earlier)) {
                return false;
            }
            for (int k = i; k < j; k++) {
                ClaimValue.Numeric l = (ClaimValue.Numeric) sorted.get(k).values()[0];
                Map.Entry<Double, Double> e = frontier.floorEntry(l.lo());
                grew |= e != null && e.getValue() <= l.hi() && (e.getKey() < l.lo() || e.getValue() < l.hi());
            }
            for (int k = i; k < j; k++) {
                ClaimValue.Numeric v = (ClaimValue.Numeric) sorted.get(k).values()[0];
                earlier.add(v);
                addToFrontier(frontier, v.lo(), v.hi());
            }
            i = j;
        }
        return grew;
    }

    private static void addToFrontier(TreeMap<Double, Double> frontier, double lo, double hi) {
        Map.Entry<Double, Double> floor = frontier.floorEntry(lo);
        if (floor != null && floor.getValue() <= hi) {
            return;
        }
        frontier.put(lo, hi);
        Map.Entry<Double, Double> next = frontier.higherEntry(lo);
        while (next != null && next.getValue() >= hi) {
            frontier.remove(next.getKey());
            next = frontier.higherEntry(lo);
        }
    }
}
