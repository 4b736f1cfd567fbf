package dev.crosscheck.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers dimension: digits ("2,300", "7.8", "4-1/2"), words ("twenty-three", "a dozen", "half a dozen",
 * "four and a half"), scales ("1.2 billion", "750m"), vague plurals ("dozens of" -> {@code >=24}, see
 * vague-numbers.txt), bounds and hedges before the number ("more than", "at least", "about") and ranges
 * ("10 to 12", "10-12", "between 10 and 12").
 */
final class NumberRules {

    /**
     * A number found at tokens [start, end); the number itself starts at {@code valueStart} (after any bound or hedge).
     * {@code op} is "", ">", ">=", "<" or "<="; {@code high} is set for a range.
     */
    record Num(int start, int end, int valueStart, BigDecimal value, BigDecimal high, String op, boolean approximate,
               boolean words) {

        /** The normalized count form: "12", ">12", ">=10", "10-12". */
        String countValue() {
            if (high != null) {
                return plain(value) + "-" + plain(high);
            }
            return op + plain(value);
        }

        boolean integral() {
            return value.stripTrailingZeros().scale() <= 0 && (high == null || high.stripTrailingZeros().scale() <= 0);
        }
    }

    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final Map<String, BigDecimal> SCALES = new HashMap<>();
    private static final PhraseMatcher<String> MODIFIERS = new PhraseMatcher<>(false);
    private static final PhraseMatcher<String> VAGUE = new PhraseMatcher<>(false);
    private static final int MAX_DIGITS = 18;

    static {
        for (Lexicon.Entry e : Lexicon.entries("numbers.txt")) {
            WORDS.put(e.head(), Integer.parseInt(e.items().get(0)));
        }
        for (Lexicon.Entry e : Lexicon.entries("scales.txt")) {
            SCALES.put(e.head(), new BigDecimal(e.items().get(0)));
        }
        for (Lexicon.Entry e : Lexicon.entries("number-modifiers.txt")) {
            MODIFIERS.add(e.head(), e.items().get(0));
        }
        for (Lexicon.Entry e : Lexicon.entries("vague-numbers.txt")) {
            VAGUE.add(e.head(), e.items().get(0));
        }
    }

    private NumberRules() {
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0, RoundingMode.UNNECESSARY);
        }
        return s.toPlainString();
    }

    /** Whether a number could start at token i (cheap pre-check). */
    static boolean startsNumber(List<Token> t, int i) {
        Token k = t.get(i);
        if (k.isNumber()) {
            return true;
        }
        String w = k.lower();
        return WORDS.containsKey(w) || w.equals("a") || w.equals("an") || w.equals("half") || VAGUE.match(t, i) != null;
    }

    /** Parses the number starting at token i (no modifier before it), with its range and its bound or hedge. */
    static Num parse(List<Token> t, int i) {
        PhraseMatcher.Match<String> vague = VAGUE.match(t, i);
        if (vague != null) {
            String v = vague.value();
            int opLen = v.startsWith(">=") ? 2 : 1;
            return new Num(i, vague.end(), i, new BigDecimal(v.substring(opLen)), null, v.substring(0, opLen), false, true);
        }
        Bare b = bare(t, i);
        if (b == null) {
            return null;
        }
        int end = b.end;
        BigDecimal high = null;
        // ranges
        if (end + 1 < t.size()) {
            Token sep = t.get(end);
            boolean between = i > 0 && t.get(i - 1).is("between");
            if (sep.is("to") || (sep.is("-") && t.get(end - 1).isNumber() && t.get(end + 1).isNumber()
                    && sep.start() == t.get(end - 1).end() && t.get(end + 1).start() == sep.end())
                    || (between && sep.is("and"))) {
                int second = end + 1;
                if (sep.is("to") && Units.currencyBefore(t, i) != null) {
                    // "$28 billion to $47 billion": the currency written again before the upper figure
                    for (int k = end + 2; k <= end + 3 && k < t.size(); k++) {
                        PhraseMatcher.Match<String> cur = Units.currencyBefore(t, k);
                        if (cur != null && cur.start() == end + 1
                                && cur.value().equals(Units.currencyBefore(t, i).value())) { // not "$10 to €15"
                            second = k;
                            break;
                        }
                    }
                }
                Bare h = bare(t, second);
                if (h != null && h.value.compareTo(b.value) > 0) {
                    BigDecimal hv = h.value;
                    BigDecimal lv = b.value;
                    // "1.2 to 1.5 billion": the scale of the upper figure applies to both
                    if (h.scale != null && b.scale == null) {
                        lv = lv.multiply(h.scale);
                    }
                    if (hv.compareTo(lv) > 0) {
                        high = hv;
                        b = new Bare(lv, b.end, b.words, b.scale);
                        end = h.end;
                    }
                }
            }
        }
        String op = "";
        boolean approx = false;
        int start = high != null && i > 0 && t.get(i - 1).is("between") ? i - 1 : i;
        PhraseMatcher.Match<String> mod = MODIFIERS.matchEndingAt(t, i, 3);
        if (mod != null) {
            start = mod.start();
            if (mod.value().equals("~")) {
                approx = true;
            } else if (high == null) {
                op = mod.value();
            }
        }
        return new Num(start, end, i, b.value, high, op, approx, b.words);
    }

    /** The bound or hedge that ends right before token i ("more than" before "$5 billion"), as a Num without a value. */
    static Num parseModifierOnly(List<Token> t, int i) {
        PhraseMatcher.Match<String> mod = MODIFIERS.matchEndingAt(t, i, 3);
        if (mod == null) {
            return null;
        }
        boolean approx = mod.value().equals("~");
        return new Num(mod.start(), i, i, BigDecimal.ZERO, null, approx ? "" : mod.value(), approx, false);
    }

    private record Bare(BigDecimal value, int end, boolean words, BigDecimal scale) {
    }

    private static Bare bare(List<Token> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        Token k = t.get(i);
        BigDecimal v;
        int end;
        boolean words = false;
        if (k.isNumber()) {
            v = digits(k.lower());
            if (v == null) {
                return null;
            }
            end = i + 1;
            // 4-1/2 and 4 1/2
            if (end + 1 < t.size() && t.get(end).is("-") && t.get(end + 1).isNumber() && t.get(end + 1).lower().indexOf('/') > 0
                    && adjacent(t, end - 1, end) && adjacent(t, end, end + 1)) {
                BigDecimal f = digits(t.get(end + 1).lower());
                if (f != null && f.compareTo(BigDecimal.ONE) < 0) {
                    v = v.add(f);
                    end += 2;
                }
            } else if (end < t.size() && t.get(end).isNumber() && t.get(end).lower().indexOf('/') > 0) {
                BigDecimal f = digits(t.get(end).lower());
                if (f != null && f.compareTo(BigDecimal.ONE) < 0) {
                    v = v.add(f);
                    end += 1;
                }
            }
        } else {
            String w = k.lower();
            if (w.equals("half") && i + 2 < t.size() && t.get(i + 1).is("a") && t.get(i + 2).is("dozen")) {
                return scaled(t, new BigDecimal(6), i + 3, true);
            }
            if ((w.equals("a") || w.equals("an")) && i + 1 < t.size()) {
                String nx = t.get(i + 1).lower();
                if (nx.equals("dozen")) {
                    return new Bare(new BigDecimal(12), i + 2, true, null);
                }
                if (nx.equals("half") && i + 2 < t.size() && !t.get(i + 2).is("dozen")) {
                    return null;
                }
                if (SCALES.containsKey(nx) && nx.length() > 2) {
                    return scaled(t, BigDecimal.ONE, i + 1, true);
                }
                return null;
            }
            Integer n = WORDS.get(w);
            if (n == null) {
                return null;
            }
            words = true;
            int value = n;
            end = i + 1;
            // twenty-three, twenty three
            if (n >= 20 && n % 10 == 0 && end < t.size()) {
                int j = t.get(end).is("-") ? end + 1 : end;
                if (j < t.size()) {
                    Integer u = WORDS.get(t.get(j).lower());
                    if (u != null && u > 0 && u < 10) {
                        value += u;
                        end = j + 1;
                    }
                }
            }
            if (w.equals("dozen") || w.equals("couple")) {
                return null; // only "a dozen", "two dozen", "a couple of"
            }
            v = new BigDecimal(value);
            if (end < t.size() && t.get(end).is("dozen")) {
                v = v.multiply(new BigDecimal(12));
                end++;
            }
        }
        // "four and a half"
        if (end + 2 < t.size() && t.get(end).is("and") && t.get(end + 1).is("a") && t.get(end + 2).is("half")) {
            v = v.add(new BigDecimal("0.5"));
            end += 3;
        }
        return scaled(t, v, end, words);
    }

    private static Bare scaled(List<Token> t, BigDecimal v, int end, boolean words) {
        BigDecimal scale = null;
        while (end < t.size()) {
            Token s = t.get(end);
            BigDecimal f = SCALES.get(s.lower());
            if (f == null || !s.isWord()) {
                break;
            }
            // single-letter and abbreviated scales ("750m", "1.2bn") only written against the digits
            if (s.lower().length() <= 3 && !s.lower().equals("mln") && !adjacent(t, end - 1, end)) {
                break;
            }
            v = v.multiply(f);
            scale = scale == null ? f : scale.multiply(f);
            end++;
        }
        return new Bare(v, end, words, scale);
    }

    static boolean adjacent(List<Token> t, int a, int b) {
        return t.get(a).end() == t.get(b).start();
    }

    /** Digits with grouping commas, a decimal point or a simple fraction; null for anything else (times, versions). */
    static BigDecimal digits(String s) {
        if (s.length() > MAX_DIGITS + 6 || s.indexOf(':') >= 0) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash > 0) {
            BigDecimal a = digits(s.substring(0, slash));
            BigDecimal b = digits(s.substring(slash + 1));
            if (a == null || b == null || b.signum() == 0 || s.indexOf('/', slash + 1) >= 0) {
                return null;
            }
            return a.divide(b, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        String body = s;
        if (s.indexOf(',') >= 0) {
            String[] groups = s.split(",", -1);
            for (int g = 1; g < groups.length; g++) {
                String grp = groups[g];
                int dot = grp.indexOf('.');
                int len = dot >= 0 && g == groups.length - 1 ? dot : grp.length();
                if (len != 3) {
                    return null;
                }
            }
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            body = s.replace(",", "");
        }
        int dots = 0;
        for (int k = 0; k < body.length(); k++) {
            if (body.charAt(k) == '.') {
                dots++;
            }
        }
        if (dots > 1 || body.replace(".", "").length() > MAX_DIGITS) {
            return null;
        }
        try {
            return new BigDecimal(body);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
