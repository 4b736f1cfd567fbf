package dev.crosscheck.extract;

/**
 * Units of measurement and currency signs (units.txt, currency-symbols.txt), and the words that say which length a
 * length is (directions.txt: depth, distance, height, length, width).
 */
final class Units {

    /** A unit as written, its canonical symbol and the dimension it measures (length, area, money, percent...). */
    record Unit(String canonical, String dimension) {
    }

    private static final PhraseMatcher<Unit> UNITS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> CURRENCY = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> PLACEMENT = new PhraseMatcher<>(false);
    /** The canonical codes of currencies ("USD", "CHF"), from both the signs and the unit words. */
    private static final java.util.Set<String> CURRENCIES = new java.util.HashSet<>();

    /** The currency signs as written ("A$", "US$"): a sign of several tokens matches only so. */
    private static final java.util.Set<String> CURRENCY_FORMS = new java.util.HashSet<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("units.txt")) {
            for (String form : e.items()) {
                UNITS.add(form, new Unit(e.head(), e.flag()));
            }
            if ("money".equals(e.flag())) {
                CURRENCIES.add(e.head());
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("currency-symbols.txt")) {
            for (String form : e.items()) {
                CURRENCY.add(form, e.head());
                CURRENCY_FORMS.add(form);
            }
            CURRENCIES.add(e.head());
        }
        for (Lexicon.Entry e : Lexicon.entries("directions.txt")) {
            for (String form : e.items()) {
                PLACEMENT.add(form, e.head());
            }
        }
    }

    private Units() {
    }

    /** The unit written at token i ("km", "square miles", "per cent"), or null. */
    static PhraseMatcher.Match<Unit> at(java.util.List<Token> t, int i) {
        return i < t.size() ? UNITS.match(t, i) : null;
    }

    /** Whether a canonical unit is a currency ("USD", "CHF"). */
    static boolean currency(String unit) {
        return CURRENCIES.contains(unit);
    }

    /**
     * The currency sign ending right before token i ("$", "US$"), or null. A sign of several tokens is one as written,
     * with no space inside and its letters' case: "a $1.8 billion loss" is in dollars, not in "A$".
     */
    static PhraseMatcher.Match<String> currencyBefore(java.util.List<Token> t, int i) {
        PhraseMatcher.Match<String> m = CURRENCY.matchEndingAt(t, i, 2);
        if (m == null || i - m.start() < 2) {
            return m;
        }
        StringBuilder written = new StringBuilder(t.get(m.start()).text());
        for (int k = m.start() + 1; k < i; k++) {
            if (t.get(k).start() != t.get(k - 1).end()) {
                return CURRENCY.matchEndingAt(t, i, 1); // "a $1.8 billion": the sign is the "$" alone
            }
            written.append(t.get(k).text());
        }
        return CURRENCY_FORMS.contains(written.toString()) ? m : CURRENCY.matchEndingAt(t, i, 1);
    }

    /** depth / distance:place / height / length / width from the words around a length, or null when none says. */
    static String placement(java.util.List<Token> t, int start, int end) {
        for (int k = Math.max(0, start - 4); k < start; k++) {
            PhraseMatcher.Match<String> m = PLACEMENT.match(t, k);
            if (m != null && m.end() <= start && !m.value().equals("distance")) {
                return m.value();
            }
        }
        if (end + 2 < t.size() && t.get(end).is("(")) {
            for (int k = end + 1; k < Math.min(t.size(), end + 6); k++) {
                if (t.get(k).is(")")) {
                    end = k + 1; // "seven kilometers (4.3 miles) below the surface": past the same length in other units
                    break;
                }
            }
        }
        if (end < t.size()) {
            PhraseMatcher.Match<String> m = PLACEMENT.match(t, end);
            if (m != null) {
                if (!m.value().equals("distance")) {
                    return m.value();
                }
                for (int k = m.end(); k < Math.min(t.size(), m.end() + 3); k++) {
                    Token tk = t.get(k);
                    if (tk.isWord() && tk.capitalized() && !tk.is("the")) {
                        return "distance:" + tk.lower();
                    }
                }
                return "distance";
            }
        }
        return null;
    }
}
