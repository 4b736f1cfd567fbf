package dev.crosscheck.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a publication date as metadata and HTML heads give it: an ISO date or date-time ("2023-03-21",
 * "2023-03-21T10:00:00Z", "2023-03-21 10:00"), "2023/03/21", "20230321", an RFC 1123 date-time,
 * or a written-out date with its year ("March 21, 2023"). A date-time keeps
 * the calendar date it was written with: that is the publisher's local date.
 */
final class PublishedDates {

    private static final Pattern ISO = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:$|[T ].*)");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    private PublishedDates() {
    }

    /** The date, or null when the value is missing, unreadable or not a plausible publication date. */
    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 64) {
            return null;
        }
        Matcher m = ISO.matcher(v);
        if (!m.matches()) {
            m = COMPACT.matcher(v);
        }
        if (m.matches()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        try {
            return plausible(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
        } catch (DateTimeException e) {
            return Datelines.writtenDate(v);
        }
    }

    static LocalDate date(int year, int month, int day) {
        try {
            return plausible(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate plausible(LocalDate date) {
        return date.getYear() >= 1800 && date.getYear() <= 2200 ? date : null;
    }
}
