package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Quantity claims: magnitudes, lengths (depth, distance, height), money, percentages and weights, in canonical
 * units (units.txt, currency-symbols.txt): "15 kilometers" is {@code 15 km}, "$1.2 billion" is
 * {@code 1200000000 USD}. A bound is kept as a prefix ({@code >1000000000 USD}); a hedge sets approximate.
 * <p>Magnitudes and lengths belong to the nearest natural event ("quantity:-:earthquake:depth"); a distance names
 * the place it is measured from ("quantity:-:earthquake:distance:kathmandu"). Money, percentages and weights need
 * a head noun in the sentence to say what they measure, else no claim is made.
 */
final class Quantities {

    private record Unit(String canonical, String dimension) {
    }

    private static final PhraseMatcher<Unit> UNITS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> CURRENCY = new PhraseMatcher<>(false);
    private static final java.util.Set<String> STOP = new java.util.HashSet<>(Lexicon.lines("stopwords.txt"));
    private static final PhraseMatcher<String> PLACEMENT = new PhraseMatcher<>(false);
    private static final Map<String, String> ATTRIBUTE = new HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("units.txt")) {
            for (String form : e.items()) {
                UNITS.add(form, new Unit(e.head(), e.flag()));
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("currency-symbols.txt")) {
            for (String form : e.items()) {
                CURRENCY.add(form, e.head());
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("directions.txt")) {
            for (String form : e.items()) {
                PLACEMENT.add(form, e.head());
            }
        }
        ATTRIBUTE.put("money", "amount");
        ATTRIBUTE.put("percent", "percent");
        ATTRIBUTE.put("weight", "weight");
    }

    private Quantities() {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        for (int i = 0; i < n; i++) {
            if (c.used[i]) {
                continue;
            }
            Token tk = c.t.get(i);
            // magnitude 7.8, magnitude-7.8
            PhraseMatcher.Match<Unit> pre = tk.isWord() ? UNITS.match(c.t, i) : null;
            if (pre != null && pre.value().dimension().equals("magnitude")) {
                int j = pre.end();
                if (j < n && c.t.get(j).is("-")) {
                    j++;
                }
                if (j < n && c.t.get(j).isNumber() && !c.used[j]) {
                    NumberRules.Num num = NumberRules.parse(c.t, j);
                    if (num != null && num.high() == null) {
                        emitLength(c, "magnitude", "magnitude", num, i, num.end(), hedgedBefore(c, i));
                        i = num.end() - 1;
                    }
                }
                continue;
            }
            if (!tk.isNumber()) {
                continue;
            }
            NumberRules.Num num = NumberRules.parse(c.t, i);
            if (num == null) {
                continue;
            }
            String currency = null;
            int from = num.start();
            PhraseMatcher.Match<String> cur = CURRENCY.matchEndingAt(c.t, i, 2);
            String op = num.op();
            boolean approx = num.approximate();
            if (cur != null) {
                currency = cur.value();
                from = cur.start();
                // "more than $5 billion": the bound stands before the sign
                int modEnd = cur.start();
                NumberRules.Num probe = modEnd > 0 ? NumberRules.parseModifierOnly(c.t, modEnd) : null;
                if (probe != null) {
                    from = probe.start();
                    op = probe.op();
                    approx = approx || probe.approximate();
                }
            }
            int e = num.end();
            if (e < n && c.t.get(e).is("-") && NumberRules.adjacent(c.t, e - 1, e)) {
                e++;
            }
            PhraseMatcher.Match<Unit> unit = e < n ? UNITS.match(c.t, e) : null;
            if (currency == null && unit == null) {
                if (bareMagnitude(c, num, e)) {
                    emitLength(c, "magnitude", "magnitude", num, num.start(), num.end(), approx);
                    i = num.end() - 1;
                }
                continue;
            }
            if (currency == null && unit.value().dimension().equals("money")) {
                currency = unit.value().canonical(); // "750 million euros"
            }
            int to = unit != null ? unit.end() : num.end();
            if (currency != null) {
                emitMeasure(c, "money", currency, num, op, approx, from, to);
            } else {
                String dim = unit.value().dimension();
                if (dim.equals("magnitude")) {
                    emitLength(c, "magnitude", "magnitude", num, from, to, approx);
                } else if (dim.equals("length")) {
                    String attr = placement(c, num.start(), to);
                    if (attr != null) {
                        emitLength(c, attr, unit.value().canonical(), num, from, to, approx);
                    }
                } else {
                    emitMeasure(c, dim, unit.value().canonical(), num, op, approx, from, to);
                }
            }
            i = Math.max(i, to - 1);
        }
    }

    /**
     * The head a measure modifies right after it: "$1.2 billion loan", "49.5% of the vote", "€50m in aid"; not
     * across a conjunction ("winds of 150 mph and a storm surge").
     */
    private static Heads.Head attachedAfter(SentenceContext c, int to) {
        for (int k = to; k < Math.min(c.t.size(), to + 4); k++) {
            if (c.headAt[k] >= 0) {
                return c.heads.get(c.headAt[k]);
            }
            String w = c.t.get(k).lower();
            if (!(w.equals("of") || w.equals("in") || w.equals("the") || w.equals("a") || w.equals("its")
                    || w.equals("their") || w.equals("for") || w.equals("-")
                    || c.t.get(k).isWord() && k == to && !STOP.contains(w))) {
                return null;
            }
        }
        return null;
    }

    /** Whether a comma, semicolon or coordinating "and"/"but" stands between tokens a and b. */
    private static boolean crossesClause(SentenceContext c, int a, int b) {
        for (int k = a; k < b; k++) {
            String w = c.t.get(k).lower();
            if (w.equals(",") || w.equals(";") || w.equals("but") || w.equals("while") || w.equals("whereas")) {
                return true;
            }
        }
        return false;
    }

    /** "a 6.1 quake", "a 6.1-magnitude", "the second quake, measuring 5.1": a magnitude without its unit. */
    private static boolean bareMagnitude(SentenceContext c, NumberRules.Num num, int after) {
        BigDecimal v = num.value();
        if (num.high() != null || num.words() || v.scale() <= 0 || v.compareTo(BigDecimal.TEN) >= 0) {
            return false;
        }
        if (after < c.t.size() && c.headAt[after] >= 0 && c.heads.get(c.headAt[after]).takesMagnitude()) {
            return true;
        }
        int s = num.start();
        if (s > 0) {
            String w = c.t.get(s - 1).lower();
            if (w.equals("measuring") || w.equals("measured") || w.equals("registering") || w.equals("registered")) {
                Heads.Head h = c.nearestHead(s - 1, true, true);
                return h != null && h.takesMagnitude() && s - 1 - h.end() <= 4;
            }
        }
        return false;
    }

    /** "about magnitude 7": a hedge before the unit that stands before the number. */
    private static boolean hedgedBefore(SentenceContext c, int i) {
        NumberRules.Num mod = i > 0 ? NumberRules.parseModifierOnly(c.t, i) : null;
        return mod != null && mod.approximate();
    }

    /** depth / distance:place / height / length from the words around a length, or null when none says. */
    private static String placement(SentenceContext c, int start, int end) {
        for (int k = Math.max(0, start - 4); k < start; k++) {
            PhraseMatcher.Match<String> m = PLACEMENT.match(c.t, k);
            if (m != null && m.end() <= start && !m.value().equals("distance")) {
                return m.value();
            }
        }
        if (end < c.t.size()) {
            PhraseMatcher.Match<String> m = PLACEMENT.match(c.t, end);
            if (m != null) {
                if (!m.value().equals("distance")) {
                    return m.value();
                }
                for (int k = m.end(); k < Math.min(c.t.size(), m.end() + 3); k++) {
                    Token tk = c.t.get(k);
                    if (tk.isWord() && tk.capitalized() && !tk.is("the")) {
                        return "distance:" + tk.lower();
                    }
                }
                return "distance";
            }
        }
        return null;
    }

    private static void emitLength(SentenceContext c, String attr, String unit, NumberRules.Num num, int from, int to,
                                   boolean approx) {
        Heads.Head before = c.nearestHead(num.valueStart(), true, true);
        Heads.Head after = c.nearestHead(to, false, true);
        Heads.Head h = before;
        if (after != null && (before == null || after.start() - to < num.valueStart() - before.end())) {
            h = after;
        }
        String event = h != null ? c.headName(h) : c.state.lastEvent;
        double conf = c.baseConfidence() * (h != null ? 1 : 0.8);
        if (event == null) {
            event = SentenceContext.NOBODY;
            conf *= 0.7;
        }
        String value = NumberRules.plain(num.value()) + " " + unit;
        String baseAttr = attr.contains(":") ? attr.substring(0, attr.indexOf(':')) : attr;
        c.emit(ClaimKind.QUANTITY, "quantity:-:" + event + ":" + attr,
                DateClaims.cap(SentenceContext.headLabel(event)) + ": " + attr.replace(':', ' '), baseAttr, value,
                from, to, approx || num.approximate(), false, conf);
    }

    private static void emitMeasure(SentenceContext c, String dimension, String unit, NumberRules.Num num, String op,
                                    boolean approx, int from, int to) {
        Heads.Head h = attachedAfter(c, to);
        if (h == null) {
            h = c.nearestHead(from, true, false);
            if (h != null && crossesClause(c, h.end(), from)) {
                h = null;
            }
        }
        if (h == null) {
            return;
        }
        String owner = c.npOwnerOrNull(h);
        if (owner == null) {
            String person = c.subjectPerson(Math.min(h.start(), num.start()));
            owner = person != null ? person : c.ownerOf(h);
        }
        if (h.contested()) {
            // "Ferreira won 52.3% of the vote" and "Varga took 47.7%" are different shares of one election: the key
            // names who got the share, never only the election or its country
            int ref = Math.min(h.start(), num.start());
            String person = c.subjectPerson(ref);
            owner = person != null ? person : c.subjectName(ref);
            if (owner == null) {
                return;
            }
        }
        String attr = ATTRIBUTE.getOrDefault(dimension, dimension);
        BigDecimal v = num.value();
        String value = (num.high() != null ? NumberRules.plain(v) + "-" + NumberRules.plain(num.high()) : op + NumberRules.plain(v))
                + " " + unit;
        c.emit(ClaimKind.QUANTITY, "quantity:" + owner + ":" + c.headKey(h) + ":" + attr,
                SentenceContext.ownerName(owner) + SentenceContext.headLabel(c.headName(h)) + ": " + attr, attr, value,
                from, to, approx, false, c.baseConfidence() * 0.9);
    }
}
