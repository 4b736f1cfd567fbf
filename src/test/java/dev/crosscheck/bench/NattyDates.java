package dev.crosscheck.bench;

import com.joestelmach.natty.DateGroup;
import com.joestelmach.natty.Parser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.antlr.runtime.tree.Tree;

/**
 * The peer: Natty (com.joestelmach:natty), a rule-based natural-language date parser for Java. It resolves every
 * expression to a full timestamp; the precision the text gave is read back from its syntax tree, so its answers can be
 * written in the same normalized forms as crosscheck's date claims ({@code 2023-03-20}, {@code 2022-11},
 * {@code 2023-W11}, {@code 2015-04-25T11:56}).
 */
final class NattyDates {

    private static final Pattern DAY = Pattern.compile("DAY_OF_MONTH|DAY_OF_WEEK|DAY_OF_YEAR|\\bday\\b");
    private static final Pattern WEEK = Pattern.compile("\\bweek\\b");
    private static final Pattern MONTH = Pattern.compile("MONTH_OF_YEAR|\\bmonth\\b");
    private static final Pattern YEAR = Pattern.compile("YEAR_OF|\\byear\\b");

    private final Parser parser = new Parser(TimeZone.getTimeZone("UTC"));

    /** Natty's raw answer for a text, relative expressions resolved against noon UTC of the publication date. */
    List<DateGroup> parse(String text, String published) {
        return parser.parse(text, reference(published));
    }

    /** Every date Natty finds in the text, in the normalized form at the precision its syntax tree expresses. */
    Set<String> values(String text, String published) {
        Set<String> out = new LinkedHashSet<>();
        for (DateGroup group : parse(text, published)) {
            out.addAll(normalize(group));
        }
        return out;
    }

    static Date reference(String published) {
        return Date.from(LocalDate.parse(published).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** The group's dates, each written at the precision of the alternative of the syntax tree it came from. */
    static List<String> normalize(DateGroup group) {
        List<Date> dates = group.getDates();
        Tree tree = group.getSyntaxTree();
        List<String> out = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            Tree alternative = tree != null && tree.getChildCount() == dates.size() ? tree.getChild(i) : tree;
            String shape = alternative == null ? "" : alternative.toStringTree();
            out.add(format(LocalDateTime.ofInstant(dates.get(i).toInstant(), ZoneOffset.UTC), precision(shape)));
        }
        return out;
    }

    /** time, day, week, month or year, from the syntax tree of one alternative. */
    static String precision(String shape) {
        if (shape.contains("EXPLICIT_TIME")) {
            return "time";
        }
        if (DAY.matcher(shape).find()) {
            return "day";
        }
        if (WEEK.matcher(shape).find()) {
            return "week";
        }
        if (MONTH.matcher(shape).find()) {
            return "month";
        }
        if (YEAR.matcher(shape).find()) {
            return "year";
        }
        return "day";
    }

    static String format(LocalDateTime t, String precision) {
        return switch (precision) {
            case "time" -> String.format(java.util.Locale.ROOT, "%s-%02d-%02dT%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute());
            case "week" -> String.format(java.util.Locale.ROOT, "%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR),
                    t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> String.format(java.util.Locale.ROOT, "%d-%02d", t.getYear(), t.getMonthValue());
            case "year" -> Integer.toString(t.getYear());
            default -> t.toLocalDate().toString();
        };
    }
}
