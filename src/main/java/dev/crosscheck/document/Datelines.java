package dev.crosscheck.document;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline at the head of an article ("MOSCOW, March 20 (Xinhua):", "March 21 (UPI) -",
 * "KATHMANDU, April 25 -", "LONDON, 21 March 2023 -", "WASHINGTON (AP) -") and the agency mark a wire story ends
 * with ("... in Ukraine. (ANI)"). Month names come from {@code document/months.txt}, agencies from
 * {@code document/news-agencies.txt}.
 *
 * <p>Patterns only ever see the first {@value #HEAD} characters of a paragraph, so their cost is bounded whatever
 * the input.
 */
final class Datelines {

    /** What a dateline says: its date (null when it has none) and its agency mark (null when it has none). */
    record Dateline(LocalDate date, String agency) {
    }

    static final int HEAD = 200;

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Set<String> AGENCIES = new HashSet<>();

    static {
        for (String[] pair : WordList.loadPairs("months.txt")) {
            MONTHS.put(pair[0].toLowerCase(Locale.ROOT), Integer.parseInt(pair[1]));
        }
        for (String agency : WordList.load("news-agencies.txt")) {
            AGENCIES.add(agency.toLowerCase(Locale.ROOT));
        }
    }

    private static final String MONTH = "(?i:" + String.join("|",
            MONTHS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")";
    private static final String WEEKDAY = "(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?";

    /** A calendar date without year or with one: "March 21", "Mar. 21, 2023", "21 March 2023", "Tuesday, March 21". */
    private static final String DATE = "(?:" + WEEKDAY + ",?\\s+)?(?:"
            + "(?<m1>" + MONTH + ")\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y1>\\d{4}))?"
            + "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>" + MONTH + ")\\.?(?:,?\\s+(?<y2>\\d{4}))?)";

    /** A region after the place: "NEW DELHI [India],", "KYIV, Ukraine,". */
    private static final String REGION = "(?:\\s*\\[[^\\[\\]]{1,30}\\])?";

    /**
     * The place of a dateline: in capitals ("MOSCOW", "NEW DELHI [India],"), or capitalized names each followed by
     * a comma ("Kyiv, Ukraine,").
     */
    private static final String PLACE = "(?:[A-Z][A-Z.' -]{1,40}?" + REGION + "\\s*[,:]?\\s+"
            + "|(?:[A-Z][\\p{L}.' -]{1,40}?" + REGION + ",\\s+){1,2})";

    /** What ends a dateline: a dash (one or two hyphens once normalized) or a colon. */
    private static final String END = "(?:--?|:)";

    /** A press-release wire's mark, "/PRNewswire/": it ends a dateline but names a distributor, not a publisher. */
    private static final String WIRE = "(?:\\s*/[^/]{1,40}/)?";

    private static final Pattern DATED = Pattern.compile("^" + PLACE + "?" + DATE + WIRE
            + "(?:\\s*\\((?<agency>[^()]{1,40})\\)\\s*(?:(?:--?|[:,])\\s*)?|\\s*" + END + "\\s)");

    private static final Pattern UNDATED = Pattern.compile("^(?:[A-Z][A-Z.' -]{1,40}?" + REGION
            + "(?:,\\s*[A-Z][\\p{L}.' -]{1,30}?)?\\s*,?\\s*)?\\((?<agency>[^()]{1,40})\\)\\s*" + END + "\\s");

    /** A paragraph that is only a date, maybe labelled and with a time: "Updated: March 21, 2023 10:15 GMT". */
    private static final Pattern DATE_LINE = Pattern.compile("^(?i:(?:first\\s+)?(?:published|updated|posted|date)(?:\\s+on)?\\s*:?\\s*)?"
            + DATE + "(?:\\s*(?:,|at|-)?\\s*\\d{1,2}[:.]\\d{2}[^\\p{L}]{0,12}(?:[ap]\\.?m\\.?)?\\s*[A-Z]{0,5})?\\s*$");

    private static final Pattern END_MARK = Pattern.compile("\\((?<agency>[\\p{L}]{2,12})\\)\\s*$");

    private static final Pattern ALL_CAPS = Pattern.compile("[A-Z]{2,10}");
    private static final Pattern NAME = Pattern.compile("[A-Z][\\p{L}&.'-]*(?: [A-Z][\\p{L}&.'-]*){0,3}");

    private Datelines() {
    }

    /**
     * What decides the year of a dateline that gives none ("LAHAINA, Hawaii, Aug 12 (Harbor Wire) -"): the years the
     * article mentions, the weekday its lead names ("said on Saturday") and the upload time.
     *
     * @param mentioned the four-digit years of the body, none after the upload year
     * @param weekday   the first weekday the opening paragraphs name, or null
     */
    record Years(LocalDate uploaded, java.util.SortedSet<Integer> mentioned, java.time.DayOfWeek weekday) {

        /**
         * The year of a day and month: the latest year the article mentions (or the upload year) whose date falls on
         * the weekday the lead names or the day after it (a report of yesterday); without such a weekday, the latest
         * year mentioned; without any, the upload year (or the year before, when the date would come after the upload).
         */
        LocalDate resolve(int month, int day) {
            java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>(mentioned);
            if (uploaded != null) {
                candidates.add(uploaded.getYear());
            }
            if (weekday != null) {
                for (Integer year : candidates.descendingSet()) {
                    LocalDate d = PublishedDates.date(year, month, day);
                    if (d != null && (uploaded == null || !d.isAfter(uploaded))
                            && (d.getDayOfWeek() == weekday || d.getDayOfWeek() == weekday.plus(1))) {
                        return d;
                    }
                }
            }
            if (!mentioned.isEmpty()) {
                LocalDate d = PublishedDates.date(mentioned.last(), month, day);
                if (d != null && (uploaded == null || !d.isAfter(uploaded))) {
                    return d;
                }
            }
            return uploaded == null ? null : dateBefore(uploaded, month, day);
        }
    }

    private static final Pattern WEEKDAY_WORD = Pattern.compile(
            "\\b(?i:(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b");

    /** The years an article mentions (four digits standing alone, 1900 to the upload year) and its lead's weekday. */
    static Years years(List<String> paragraphs, List<String> opening, LocalDate uploaded) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        int limit = uploaded == null ? 2100 : uploaded.getYear();
        for (String p : paragraphs) {
            yearsNamed(p, limit, years);
        }
        java.time.DayOfWeek weekday = null;
        for (String p : opening) {
            Matcher m = WEEKDAY_WORD.matcher(p.length() > 600 ? p.substring(0, 600) : p);
            if (m.find()) {
                weekday = java.time.DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                break;
            }
        }
        return new Years(uploaded, years, weekday);
    }

    /** Adds the years a text names (four digits standing alone, 1900 to {@code limit}) to {@code into}. */
    static void yearsNamed(String p, int limit, java.util.Collection<Integer> into) {
        for (int i = 0; i + 4 <= p.length(); i++) {
            if (isDigit(p, i) && isDigit(p, i + 1) && isDigit(p, i + 2) && isDigit(p, i + 3)
                    && !isDigit(p, i - 1) && !isDigit(p, i + 4)) {
                int y = Integer.parseInt(p.substring(i, i + 4));
                if (y >= 1900 && y <= limit) {
                    into.add(y);
                }
                i += 3;
            }
        }
    }

    private static boolean isDigit(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Day and month in the year of {@code reference}, or the year before when that would come after it. */
    private static LocalDate dateBefore(LocalDate reference, int month, int day) {
        LocalDate date = PublishedDates.date(reference.getYear(), month, day);
        if (date == null) {
            // February 29 of a year that has none: the latest leap year before
            for (int year = reference.getYear() - 1; year >= reference.getYear() - 8 && date == null; year--) {
                date = PublishedDates.date(year, month, day);
            }
            return date;
        }
        return date.isAfter(reference) ? PublishedDates.date(reference.getYear() - 1, month, day) : date;
    }

    /**
     * The first dateline among the opening paragraphs. A date without a year takes it from {@code years}.
     */
    static Dateline find(List<String> openingParagraphs, Years reference) {
        for (String paragraph : openingParagraphs) {
            String head = paragraph.length() > HEAD ? paragraph.substring(0, HEAD) : paragraph;
            // Every date has a day number and every agency mark a parenthesis: without them a pattern cannot match,
            // and is not tried.
            boolean digit = hasDigit(head);
            Matcher m = DATED.matcher(head);
            if (digit && m.lookingAt()) {
                LocalDate date = date(m, reference);
                String agency = agency(m.group("agency"), true);
                if (date != null || agency != null) {
                    return new Dateline(date, agency);
                }
            }
            m = UNDATED.matcher(head);
            if (head.indexOf('(') >= 0 && m.lookingAt()) {
                String agency = agency(m.group("agency"), false);
                if (agency != null) {
                    return new Dateline(null, agency);
                }
            }
            if (paragraph.length() <= 80 && digit) {
                m = DATE_LINE.matcher(paragraph);
                if (m.matches()) {
                    LocalDate date = date(m, reference);
                    if (date != null) {
                        return new Dateline(date, null);
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A written-out date with its year ("March 21, 2023", "21 March 2023"), or null. */
    static LocalDate writtenDate(String value) {
        if (value.length() > 80) {
            return null;
        }
        Matcher m = DATE_LINE.matcher(value.strip());
        if (!m.matches() || m.group("y1") == null && m.group("y2") == null) {
            return null;
        }
        return date(m, null);
    }

    /** A known agency's mark closing the article: "... in Ukraine. (ANI)". */
    static String endMark(String lastParagraph) {
        String tail = lastParagraph.length() > 40 ? lastParagraph.substring(lastParagraph.length() - 40) : lastParagraph;
        Matcher m = END_MARK.matcher(tail);
        if (m.find()) {
            String agency = m.group("agency");
            return AGENCIES.contains(agency.toLowerCase(Locale.ROOT)) ? agency : null;
        }
        return null;
    }

    /**
     * Accepts a parenthesized mark as an agency: a known agency, a short all-capitals mark, or, right after a
     * dated dateline, a capitalized name of up to four words ("(Northwind Wire)").
     */
    private static String agency(String mark, boolean afterDate) {
        if (mark == null) {
            return null;
        }
        String m = mark.strip();
        if (AGENCIES.contains(m.toLowerCase(Locale.ROOT)) || ALL_CAPS.matcher(m).matches()) {
            return m;
        }
        return afterDate && NAME.matcher(m).matches() ? m : null;
    }

    private static LocalDate date(Matcher m, Years reference) {
        String monthName = m.group("m1") != null ? m.group("m1") : m.group("m2");
        String dayText = m.group("d1") != null ? m.group("d1") : m.group("d2");
        String yearText = m.group("y1") != null ? m.group("y1") : m.group("y2");
        if (monthName == null || dayText == null) {
            return null;
        }
        Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
        int day = Integer.parseInt(dayText);
        if (month == null) {
            return null;
        }
        if (yearText != null) {
            return PublishedDates.date(Integer.parseInt(yearText), month, day);
        }
        if (reference == null) {
            return null;
        }
        return reference.resolve(month, day);
    }

}
