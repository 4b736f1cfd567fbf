package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dates-and-times dimension, extraction stage: finds date and time expressions and records them
 * underspecified ({@link TimeMention}); {@link DateResolver} turns them into ISO values.
 */
final class TimeRules {

    /** ANCHORED: a day offset ({@code rel}) from a date given earlier in the sentence or paragraph. */
    enum Type { DATE, MONTH, WEEKDAY, DAY, WEEK, YEAR, TIME, ANCHORED }

    /**
     * An underspecified date or time at tokens [start, end).
     *
     * @param rel        for WEEKDAY/MONTH: -1 last, 0 unmarked, +1 next, 2 this; for DAY, WEEK, MONTH-relative and
     *                   YEAR-relative: the offset in units from the publication date
     * @param relative   the expression is relative to publication ("last month") rather than a calendar name
     * @param dateline   the date of a dateline ("KATHMANDU, April 25 -"), which dates the report, not an event
     * @param possessive followed by 's ("Saturday's earthquake")
     */
    record TimeMention(int start, int end, Type type, int year, int month, int day, int dow, int rel, boolean relative,
                       int hour, int minute, boolean dateline, boolean possessive) {
    }

    private static final Map<String, Integer> WEEKDAYS = new HashMap<>();
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final PhraseMatcher<Integer> RELATIVE_DAYS = new PhraseMatcher<>(false);

    static {
        for (Lexicon.Entry e : Lexicon.entries("calendar.txt")) {
            Map<String, Integer> target = e.head().equals("weekday") ? WEEKDAYS : MONTHS;
            for (String item : e.items()) {
                int eq = item.indexOf('=');
                target.put(item.substring(0, eq).strip(), Integer.parseInt(item.substring(eq + 1).strip()));
            }
        }
    }

    static {
        for (Lexicon.Entry e : Lexicon.entries("relative-days.txt")) {
            for (String phrase : e.items()) {
                RELATIVE_DAYS.add(phrase, Integer.parseInt(e.head()));
            }
        }
    }

    private TimeRules() {
    }

    /**
     * The last day of a range of days written in one date ("March 20-22", "March 20 to 22"), or -1 when the mention
     * names a single day.
     */
    static int rangeEndDay(List<Token> t, TimeMention m) {
        if (m.type() != Type.DATE || m.day() <= 0) {
            return -1;
        }
        for (int k = m.start() + 1; k + 1 < m.end(); k++) {
            if ((t.get(k).is("-") || t.get(k).is("to")) && t.get(k - 1).isNumber()) {
                Integer last = dayOfMonth(t.get(k + 1));
                return last != null && last > m.day() ? last : -1;
            }
        }
        return -1;
    }

    static List<TimeMention> find(List<Token> t) {
        List<TimeMention> out = new ArrayList<>();
        int i = 0;
        // "two days later" needs one of these words: without them no number is tried as an offset
        boolean offsets = false;
        for (Token k : t) {
            if (k.is("later") || k.is("earlier")) {
                offsets = true;
                break;
            }
        }
        while (i < t.size()) {
            TimeMention m = at(t, i, offsets);
            if (m != null) {
                boolean poss = m.end() < t.size() && t.get(m.end()).kind() == Token.Kind.POSSESSIVE;
                boolean dateline = isDateline(t, m);
                int end = poss ? m.end() + 1 : m.end();
                m = new TimeMention(m.start(), end, m.type(), m.year(), m.month(), m.day(), m.dow(), m.rel(),
                        m.relative(), m.hour(), m.minute(), dateline, poss);
                out.add(m);
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A date at the head of a sentence followed by a dash or an opening parenthesis: "March 21 (UPI) -". */
    private static boolean isDateline(List<Token> t, TimeMention m) {
        if (m.type() != Type.DATE || m.end() >= t.size()) {
            return false;
        }
        String next = t.get(m.end()).lower();
        if (!next.equals("(") && !next.equals("-") && !next.equals(":")) {
            return false;
        }
        for (int k = 0; k < m.start(); k++) {
            Token p = t.get(k);
            boolean capsWord = p.isWord() && p.text().equals(p.text().toUpperCase(java.util.Locale.ROOT));
            if (!capsWord && !p.is(",")) {
                return false;
            }
        }
        return true;
    }

    private static TimeMention at(List<Token> t, int i, boolean offsets) {
        Token k = t.get(i);
        String w = k.lower();
        int n = t.size();
        // ISO 2023-03-20
        if (k.isNumber() && w.length() == 4 && i + 4 < n && t.get(i + 1).is("-") && t.get(i + 3).is("-")
                && t.get(i + 2).isNumber() && t.get(i + 4).isNumber() && NumberRules.adjacent(t, i, i + 1)
                && NumberRules.adjacent(t, i + 3, i + 4)) {
            int y = intOf(w);
            int mo = intOf(t.get(i + 2).lower());
            int d = intOf(t.get(i + 4).lower());
            if (validDate(y, mo, d)) {
                return date(i, i + 5, y, mo, d);
            }
        }
        // times 11:56, 4:17 a.m., 4 p.m.
        if (k.isNumber()) {
            TimeMention tm = time(t, i);
            if (tm != null) {
                return tm;
            }
        }
        // "on the 16th": a day of the month the reader knows, the nearest such day
        if (k.is("the") && i > 0 && t.get(i - 1).is("on") && i + 1 < n && dayOfMonth(t.get(i + 1)) != null) {
            int e = i + 2;
            boolean ordinal = t.get(i + 1).isWord() || e < n && isOrdinalSuffix(t, e);
            if (!t.get(i + 1).isWord() && ordinal) {
                e++;
            }
            if (ordinal && (e >= n || !t.get(e).isWord() || WordClasses.is(t.get(e), "day-of-month-followers"))) {
                return date(i, e, -1, 0, dayOfMonth(t.get(i + 1)));
            }
        }
        // 20 March [2023], 4th July
        Integer dom = dayOfMonth(k);
        int di = i + 1;
        if (dom != null && di < n && isOrdinalSuffix(t, di)) {
            di++;
        }
        if (dom != null && di < n) {
            Integer mo = month(t, di);
            if (mo != null) {
                int end = di + 1;
                if (end < n && t.get(end).is(".")) {
                    end++;
                }
                int y = -1;
                if (end < n && year(t.get(end)) > 0) {
                    y = year(t.get(end));
                    end++;
                }
                return date(i, end, y, mo, dom);
            }
        }
        Integer mo = month(t, i);
        if (mo != null) {
            int j = i + 1;
            if (j < n && t.get(j).is(".")) {
                j++;
            }
            // March 20[-22][, 2023]
            if (j < n) {
                Integer d = dayOfMonth(t.get(j));
                if (d != null) {
                    int end = j + 1;
                    if (end + 1 < n && (t.get(end).is("-") || t.get(end).is("to")) && dayOfMonth(t.get(end + 1)) != null) {
                        end += 2;
                    }
                    int y = -1;
                    int e2 = end < n && t.get(end).is(",") ? end + 1 : end;
                    if (e2 < n && year(t.get(e2)) > 0) {
                        y = year(t.get(e2));
                        end = e2 + 1;
                    }
                    return date(i, end, y, mo, d);
                }
                if (year(t.get(j)) > 0) {
                    return new TimeMention(i, j + 1, Type.MONTH, year(t.get(j)), mo, 0, 0, 0, false, -1, -1, false, false);
                }
            }
            // month alone needs a preposition or a relative word before it
            if (i > 0) {
                String p = t.get(i - 1).lower();
                int rel = switch (p) {
                    case "last" -> -1;
                    case "next" -> 1;
                    case "this" -> 2;
                    default -> 0;
                };
                boolean prep = p.equals("in") || p.equals("since") || p.equals("until") || p.equals("by")
                        || p.equals("early") || p.equals("late") || p.equals("mid") || p.equals("during");
                if (rel != 0 || prep) {
                    int start = rel != 0 ? i - 1 : i;
                    return new TimeMention(start, i + 1, Type.MONTH, -1, mo, 0, 0, rel, false, -1, -1, false, false);
                }
            }
            return null;
        }
        Integer dow = WEEKDAYS.get(w);
        if (dow != null && k.capitalized() && w.length() > 3) {
            int start = i;
            int rel = 0;
            if (i > 0) {
                String p = t.get(i - 1).lower();
                if (p.equals("last")) {
                    rel = -1;
                    start = i - 1;
                } else if (p.equals("next")) {
                    rel = 1;
                    start = i - 1;
                } else if (p.equals("this")) {
                    rel = 2;
                    start = i - 1;
                }
            }
            int end = i + 1;
            if (end < n) {
                String nx = t.get(end).lower();
                if (nx.equals("morning") || nx.equals("afternoon") || nx.equals("evening") || nx.equals("night")) {
                    end++;
                }
            }
            return new TimeMention(start, end, Type.WEEKDAY, -1, 0, 0, dow, rel, false, -1, -1, false, false);
        }
        PhraseMatcher.Match<Integer> relDay = k.isWord() ? RELATIVE_DAYS.match(t, i) : null;
        if (relDay != null) {
            return anchored(relDay.start(), relDay.end(), relDay.value());
        }
        // "two days later", "three weeks earlier"
        if (offsets && NumberRules.startsNumber(t, i) && !k.is("a") && !k.is("an")) {
            NumberRules.Num num = NumberRules.parse(t, i);
            if (num != null && num.op().isEmpty() && num.high() == null && !num.approximate() && num.integral()
                    && num.end() + 1 < n) {
                String unit = t.get(num.end()).lower();
                String dir = t.get(num.end() + 1).lower();
                int per = unit.startsWith("day") ? 1 : unit.startsWith("week") ? 7 : 0;
                int sign = dir.equals("later") ? 1 : dir.equals("earlier") ? -1 : 0;
                if (per > 0 && sign != 0 && num.value().compareTo(java.math.BigDecimal.valueOf(366)) < 0) {
                    return anchored(i, num.end() + 2, sign * per * num.value().intValue());
                }
            }
        }
        switch (w) {
            case "yesterday":
                return rel(i, i + 1, Type.DAY, -1);
            case "today":
            case "tonight":
                return rel(i, i + 1, Type.DAY, 0);
            case "tomorrow":
                return rel(i, i + 1, Type.DAY, 1);
            case "last":
            case "this":
            case "next":
            case "past":
                if (i + 1 < n) {
                    int r = w.equals("last") || w.equals("past") ? -1 : w.equals("next") ? 1 : 0;
                    String u = t.get(i + 1).lower();
                    Type type = switch (u) {
                        case "week" -> Type.WEEK;
                        case "month" -> Type.MONTH;
                        case "year" -> Type.YEAR;
                        default -> null;
                    };
                    if (type != null) {
                        if (w.equals("past") && type != Type.YEAR) {
                            return null; // "the past week" is a span, not a calendar week
                        }
                        return rel(i, i + 2, type, r);
                    }
                }
                return null;
            case "in":
            case "since":
            case "during":
            case "of":
                if (i + 1 < n && year(t.get(i + 1)) > 0 && (i + 2 >= n || !t.get(i + 2).is("-"))) {
                    return new TimeMention(i + 1, i + 2, Type.YEAR, year(t.get(i + 1)), 0, 0, 0, 0, false, -1, -1,
                            false, false);
                }
                return null;
            default:
                return null;
        }
    }

    private static TimeMention time(List<Token> t, int i) {
        String w = t.get(i).lower();
        int colon = w.indexOf(':');
        int dot = colon < 0 ? w.indexOf('.') : -1;
        if (dot > 0 && dot <= 2 && w.length() - dot == 3) {
            colon = dot; // "6.04 pm", as British and Indian papers write it: a time only with am or pm after it
        } else {
            dot = -1;
        }
        int h;
        int m = 0;
        if (colon > 0) {
            if (w.indexOf(':', colon + 1) >= 0 || w.length() - colon != 3 || colon > 2) {
                return null;
            }
            h = intOf(w.substring(0, colon));
            m = intOf(w.substring(colon + 1));
        } else {
            if (w.length() > 2) {
                return null;
            }
            h = intOf(w);
        }
        if (h < 0 || h > 23 || m < 0 || m > 59) {
            return null;
        }
        int end = i + 1;
        boolean meridiem = false;
        if (end < t.size()) {
            String nx = t.get(end).lower();
            if (nx.equals("a.m.") || nx.equals("am") || nx.equals("a.m")) {
                meridiem = true;
                if (h == 12) {
                    h = 0;
                }
                end++;
            } else if (nx.equals("p.m.") || nx.equals("pm") || nx.equals("p.m")) {
                meridiem = true;
                if (h < 12) {
                    h += 12;
                }
                end++;
            }
        }
        if (!meridiem && (colon < 0 || dot > 0)) {
            return null;
        }
        if (meridiem && h > 23) {
            return null;
        }
        return new TimeMention(i, end, Type.TIME, -1, 0, 0, 0, 0, false, h, m, false, false);
    }

    private static TimeMention anchored(int start, int end, int days) {
        return new TimeMention(start, end, Type.ANCHORED, -1, 0, 0, 0, days, true, -1, -1, false, false);
    }

    private static TimeMention rel(int start, int end, Type type, int offset) {
        return new TimeMention(start, end, type, -1, 0, 0, 0, offset, true, -1, -1, false, false);
    }

    private static TimeMention date(int start, int end, int y, int mo, int d) {
        return new TimeMention(start, end, Type.DATE, y, mo, d, 0, 0, false, -1, -1, false, false);
    }

    private static Integer month(List<Token> t, int i) {
        Token k = t.get(i);
        Integer mo = MONTHS.get(k.lower());
        if (mo == null || !k.capitalized()) {
            return null;
        }
        // "May" and abbreviations are months only next to a day or year
        if (k.lower().equals("may") || k.lower().length() <= 4 && !k.lower().equals("june") && !k.lower().equals("july")) {
            boolean dayNext = i + 1 < t.size() && (dayOfMonth(t.get(i + 1)) != null || year(t.get(i + 1)) > 0
                    || t.get(i + 1).is(".") && i + 2 < t.size() && dayOfMonth(t.get(i + 2)) != null);
            boolean dayBefore = i > 0 && (dayOfMonth(t.get(i - 1)) != null || i > 1 && isOrdinalSuffix(t, i - 1) && dayOfMonth(t.get(i - 2)) != null);
            if (!dayNext && !dayBefore) {
                return null;
            }
        }
        return mo;
    }

    /** "th" in "4th", written against the digits. */
    private static boolean isOrdinalSuffix(List<Token> t, int i) {
        String w = t.get(i).lower();
        return (w.equals("st") || w.equals("nd") || w.equals("rd") || w.equals("th")) && NumberRules.adjacent(t, i - 1, i);
    }

    private static Integer dayOfMonth(Token k) {
        String w = k.lower();
        if (k.isWord() && w.length() >= 3 && w.length() <= 4
                && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd") || w.endsWith("th"))) {
            w = w.substring(0, w.length() - 2);
        } else if (!k.isNumber()) {
            return null;
        }
        if (w.isEmpty() || w.length() > 2) {
            return null;
        }
        int d = intOf(w);
        return d >= 1 && d <= 31 ? d : null;
    }

    static int year(Token k) {
        if (!k.isNumber() || k.lower().length() != 4) {
            return -1;
        }
        int y = intOf(k.lower());
        return y >= 1900 && y <= 2100 ? y : -1;
    }

    private static boolean validDate(int y, int m, int d) {
        return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    private static int intOf(String s) {
        int v = 0;
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
