package dev.crosscheck.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The dates-and-times dimension, resolution stage: turns a {@link TimeRules.TimeMention} into an ISO 8601 value at
 * the precision the text gives, against the publication date and the tense of the verb.
 * <ul>
 *   <li>Past (the default in news): a weekday is the latest such day on or before publication, a day of a month
 *       without a year is in the publication year unless that is after publication, "in November" is the latest
 *       November not after the publication month.</li>
 *   <li>Future ("will", "is due to", "next"): a weekday is the next such day after publication; a day of a
 *       month or a month is the next one on or after it.</li>
 * </ul>
 * A time of day alone is not resolvable here: it needs its day from context.
 */
final class DateResolver {

    private DateResolver() {
    }

    /** The day a mention names, or null when it names something coarser (a month, a week) or nothing resolvable. */
    static LocalDate day(TimeRules.TimeMention m, LocalDate published, boolean future) {
        if (published == null && (m.year() < 0 || m.type() != TimeRules.Type.DATE)) {
            return null;
        }
        try {
            switch (m.type()) {
                case DATE: {
                    if (m.month() == 0) {
                        // "on the 16th": the latest such day on or before the publication, the next one for a plan
                        LocalDate d = published.withDayOfMonth(1);
                        for (int k = 0; k < 3; k++) {
                            LocalDate month = future ? d.plusMonths(k) : d.minusMonths(k);
                            if (m.day() <= month.lengthOfMonth()) {
                                LocalDate c = month.withDayOfMonth(m.day());
                                if (future ? !c.isBefore(published) : !c.isAfter(published)) {
                                    return c;
                                }
                            }
                        }
                        return null;
                    }
                    if (m.year() > 0) {
                        return LocalDate.of(m.year(), m.month(), m.day());
                    }
                    LocalDate d = LocalDate.of(published.getYear(), m.month(), m.day());
                    if (!future && d.isAfter(published)) {
                        d = d.minusYears(1);
                    } else if (future && d.isBefore(published)) {
                        d = d.plusYears(1);
                    }
                    return d;
                }
                case WEEKDAY: {
                    DayOfWeek dow = DayOfWeek.of(m.dow());
                    if (m.rel() == -1) {
                        return published.with(TemporalAdjusters.previous(dow));
                    }
                    if (m.rel() == 1) {
                        return published.with(TemporalAdjusters.next(dow));
                    }
                    if (m.rel() == 2) {
                        // "this Monday": the coming one of a plan ("will meet this Monday"), else the last one ("won
                        // this Sunday" in a Monday's paper), the publication's day included
                        return future ? published.with(TemporalAdjusters.nextOrSame(dow))
                                : published.with(TemporalAdjusters.previousOrSame(dow));
                    }
                    return future ? published.with(TemporalAdjusters.next(dow))
                            : published.with(TemporalAdjusters.previousOrSame(dow));
                }
                case DAY:
                    return published.plusDays(m.rel());
                default:
                    return null;
            }
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ISO value of a mention that does not need a day from context, or null. */
    static String resolve(TimeRules.TimeMention m, LocalDate published, boolean future) {
        if (m.type() == TimeRules.Type.TIME) {
            return null;
        }
        LocalDate d = day(m, published, future);
        if (d != null) {
            return d.toString();
        }
        if (m.type() == TimeRules.Type.YEAR && !m.relative()) {
            return String.valueOf(m.year());
        }
        if (published == null) {
            return m.type() == TimeRules.Type.MONTH && m.year() > 0 ? YearMonth.of(m.year(), m.month()).toString() : null;
        }
        switch (m.type()) {
            case MONTH: {
                if (m.relative()) {
                    return YearMonth.from(published).plusMonths(m.rel()).toString();
                }
                if (m.year() > 0) {
                    return YearMonth.of(m.year(), m.month()).toString();
                }
                YearMonth pub = YearMonth.from(published);
                YearMonth ym = YearMonth.of(published.getYear(), m.month());
                if (m.rel() == -1 || (m.rel() == 0 && !future)) {
                    if (ym.isAfter(pub) || (m.rel() == -1 && !ym.isBefore(pub))) {
                        ym = ym.minusYears(1);
                    }
                } else if (m.rel() == 1 || future) {
                    if (ym.isBefore(pub) || (m.rel() == 1 && !ym.isAfter(pub))) {
                        ym = ym.plusYears(1);
                    }
                }
                return ym.toString();
            }
            case WEEK: {
                LocalDate w = published.plusWeeks(m.rel());
                return w.get(IsoFields.WEEK_BASED_YEAR) + "-W" + twoDigits(w.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case YEAR:
                return String.valueOf(published.getYear() + m.rel());
            default:
                return null;
        }
    }

    /** A number with a leading zero below 10, as {@code %02d} writes it (without the cost of a formatter). */
    static String twoDigits(int n) {
        return n >= 0 && n < 10 ? "0" + n : String.valueOf(n);
    }
}
