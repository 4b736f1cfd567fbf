package dev.crosscheck.compare;

import dev.crosscheck.claim.ClaimKind;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders normalized values for people: "more than 12", "March 21, 2023", "3 days", "magnitude 7.8". A value it
 * does not recognise is returned as written.
 */
public final class ValueText {

    private static final int MAX_RENDERED_LENGTH = 400;
    private static final Pattern COUNT = Pattern.compile("(>=|<=|>|<)?(\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))?");
    private static final Pattern QUANTITY = Pattern.compile("(>=|<=|>|<)?(-?\\d+(?:\\.\\d+)?)(?:-(\\d+(?:\\.\\d+)?))? (\\S+)");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:[.,]\\d+)?)([YMWDHS])");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("[;,]");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private ValueText() {
    }

    /** The value in words, "about" in front when it is approximate and a plain number or period. */
    public static String render(ClaimKind kind, String value, boolean approximate) {
        if (value == null || value.length() > MAX_RENDERED_LENGTH) {
            return value;
        }
        String v = value.strip();
        try {
            String text = switch (kind) {
                case COUNT -> count(v);
                case QUANTITY -> quantity(v);
                case DATE -> date(v);
                case DURATION -> duration(v);
                case STATEMENT -> statement(v);
                case PARTICIPANTS -> participants(v);
                case QUOTE -> "\u201C" + v + "\u201D";
            };
            if (text == null) {
                return v;
            }
            boolean bound = v.startsWith(">") || v.startsWith("<");
            boolean numeric = kind == ClaimKind.COUNT || kind == ClaimKind.QUANTITY || kind == ClaimKind.DATE
                    || kind == ClaimKind.DURATION;
            return approximate && numeric && !bound ? "about " + text : text;
        } catch (RuntimeException e) {
            return v;
        }
    }

    private static String count(String v) {
        Matcher m = COUNT.matcher(v);
        if (!m.matches()) {
            return null;
        }
        String range = m.group(3) == null ? null : number(m.group(2)) + " to " + number(m.group(3));
        return bounded(m.group(1), range != null ? range : number(m.group(2)), true);
    }

    /** {@code text} under a bound prefix: "more than 12", "at most 5", "fewer than 5" ("less than" if uncountable). */
    private static String bounded(String op, String text, boolean countable) {
        if (op == null) {
            return text;
        }
        return switch (op) {
            case ">" -> "more than " + text;
            case ">=" -> "at least " + text;
            case "<" -> (countable ? "fewer than " : "less than ") + text;
            default -> "at most " + text;
        };
    }

    private static String quantity(String v) {
        Matcher m = QUANTITY.matcher(v);
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(4);
        String amount = number(m.group(2)) + (m.group(3) == null ? "" : " to " + number(m.group(3)));
        if (unit.equals("magnitude")) {
            return "magnitude " + bounded(m.group(1), amount, false);
        }
        return bounded(m.group(1), amount + (unit.equals("%") ? "%" : " " + unit), false);
    }

    private static final String[] LARGE = {"trillion", "billion", "million"};
    private static final BigDecimal[] LARGE_FACTORS = {
        new BigDecimal("1000000000000"), new BigDecimal("1000000000"), new BigDecimal("1000000")};

    /** "1,000", "3,700", "2.5 million", "190 billion"; small numbers as written. */
    private static String number(String digits) {
        BigDecimal n = new BigDecimal(digits);
        for (int i = 0; i < LARGE.length; i++) {
            if (n.abs().compareTo(LARGE_FACTORS[i]) >= 0) {
                BigDecimal scaled = n.divide(LARGE_FACTORS[i]).stripTrailingZeros();
                if (scaled.scale() <= 3) {
                    return scaled.toPlainString() + " " + LARGE[i];
                }
            }
        }
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return n.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? f.format(n) : n.toPlainString();
    }

    private static String date(String v) {
        int slash = v.indexOf('/');
        if (slash > 0 && v.indexOf('/', slash + 1) < 0) {
            // an interval: "March 20, 2023 to March 22, 2023"
            String from = date(v.substring(0, slash));
            String to = date(v.substring(slash + 1));
            return from == null || to == null ? null : from + " to " + to;
        }
        Matcher m;
        if ((m = TIME.matcher(v)).matches()) {
            String zone = m.group(3) == null ? "" : " " + (m.group(3).equals("Z") ? "UTC" : "UTC" + m.group(3));
            return LocalDate.parse(m.group(1)).format(DAY_FORMAT) + ", " + m.group(2) + zone;
        }
        if (DAY.matcher(v).matches()) {
            return LocalDate.parse(v).format(DAY_FORMAT);
        }
        if ((m = WEEK.matcher(v)).matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2))).with(DayOfWeek.MONDAY);
            return "the week of " + monday.format(DAY_FORMAT);
        }
        if ((m = MONTH.matcher(v)).matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1).format(MONTH_FORMAT);
        }
        return null;
    }

    private static String duration(String v) {
        String s = v.toUpperCase(Locale.ROOT);
        String op = null;
        for (String prefix : new String[] {">=", "<=", ">", "<"}) {
            if (s.startsWith(prefix)) {
                op = prefix;
                s = s.substring(prefix.length());
                break;
            }
        }
        if (!s.startsWith("P")) {
            return null;
        }
        int t = s.indexOf('T');
        List<String> parts = new ArrayList<>();
        addDurationParts(parts, t < 0 ? s.substring(1) : s.substring(1, t), false);
        if (t >= 0) {
            addDurationParts(parts, s.substring(t + 1), true);
        }
        if (parts.isEmpty()) {
            return null;
        }
        return bounded(op, String.join(" ", parts), false);
    }

    private static void addDurationParts(List<String> parts, String s, boolean time) {
        Matcher m = DURATION_PART.matcher(s);
        while (m.find()) {
            String n = m.group(1).replace(',', '.');
            String unit = switch (m.group(2)) {
                case "Y" -> "year";
                case "M" -> time ? "minute" : "month";
                case "W" -> "week";
                case "D" -> "day";
                case "H" -> "hour";
                default -> "second";
            };
            parts.add(n + " " + unit + (n.equals("1") ? "" : "s"));
        }
    }

    private static String statement(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "affirmed" -> "it happened";
            case "negated" -> "it did not happen";
            default -> null;
        };
    }

    private static String participants(String v) {
        boolean denial = v.regionMatches(true, 0, "not:", 0, 4);
        List<String> names = new ArrayList<>();
        for (String name : NAME_SEPARATOR.split(denial ? v.substring(4) : v)) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            return denial ? "the meeting did not happen" : v;
        }
        return Explanations.joinWords(names, "and") + (denial ? " did not meet" : " met");
    }
}
