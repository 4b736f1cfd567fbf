package dev.crosscheck.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every dated event of a story across its sources, in chronological order: built from the story's date claims, one
 * entry per event (claim key) and date value, with the sources that report it and the sentences they say it in.
 *
 * <p>Dates keep their own precision: "2023-03" is a month, "2023-03-20" a day. Entries are ordered by the start of
 * their period, then coarser periods first (the month of March before March 1st), then by key and value so that the
 * order never depends on the order the claims were read in. A value that cannot be read as a date is kept, after
 * every dated entry, with precision {@code unknown}.
 *
 * <p>The timeline gives no verdict: two sources that date one event differently appear as two entries with the same
 * key; whether they contradict each other is the report's business.
 */
public final class Timeline {

    /** How finely a date value is given. */
    public enum Precision {
        YEAR, QUARTER, MONTH, WEEK, DAY, TIME, UNKNOWN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One dated event as one or more sources report it. */
    @JsonPropertyOrder({"date", "precision", "subject", "key", "attribute", "approximate", "sources", "evidence"})
    public record Entry(String date, String precision, String subject, String key, String attribute,
                        boolean approximate, List<String> sources, List<Mention> evidence) {
    }

    /** Where one source reports the event: the sentence, and the date as the source wrote it. */
    @JsonPropertyOrder({"source", "display", "approximate", "quote", "start", "end", "sentenceStart"})
    public record Mention(String source, String display, boolean approximate, String quote, int start, int end,
                          int sentenceStart) {
    }

    private Timeline() {
    }

    /** The timeline of the given claims; claims of other kinds than date are ignored. */
    public static List<Entry> of(List<Claim> claims) {
        Map<List<String>, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (c.kind() == ClaimKind.DATE) {
                groups.computeIfAbsent(List.of(c.key(), c.value().strip()), k -> new ArrayList<>()).add(c);
            }
        }
        List<Sortable> rows = new ArrayList<>(groups.size());
        for (List<Claim> group : groups.values()) {
            rows.add(sortable(group));
        }
        rows.sort(ORDER);
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Sortable r : rows) {
            entries.add(r.entry());
        }
        return entries;
    }

    /** The precision of a normalized date value. */
    public static Precision precision(String value) {
        if (value == null) {
            return Precision.UNKNOWN;
        }
        ClaimValue parsed = ClaimValues.parse(ClaimKind.DATE, value, false);
        if (!(parsed instanceof ClaimValue.Date d)) {
            return Precision.UNKNOWN;
        }
        if (d.timeOfDay()) {
            return Precision.TIME;
        }
        long days = (d.end() - d.start()) / (24 * 60);
        if (days <= 1) {
            return Precision.DAY;
        }
        if (days <= 7) {
            return Precision.WEEK;
        }
        if (days <= 31) {
            return Precision.MONTH;
        }
        if (days <= 92) {
            return Precision.QUARTER;
        }
        return Precision.YEAR;
    }

    private record Sortable(boolean dated, long start, long span, Entry entry) {
    }

    private static final Comparator<Sortable> ORDER = Comparator
            .comparing((Sortable r) -> !r.dated())
            .thenComparingLong(Sortable::start)
            .thenComparing(Comparator.comparingLong(Sortable::span).reversed())
            .thenComparing(r -> r.entry().key())
            .thenComparing(r -> r.entry().date());

    private static Sortable sortable(List<Claim> group) {
        Claim first = group.get(0);
        String value = first.value().strip();
        Set<String> sources = new LinkedHashSet<>();
        List<Mention> mentions = new ArrayList<>(group.size());
        boolean allApproximate = true;
        String attribute = null;
        for (Claim c : group) {
            sources.add(c.source());
            mentions.add(new Mention(c.source(), c.display(), c.approximate(), c.evidence().quote(),
                    c.evidence().start(), c.evidence().end(), c.evidence().sentenceStart()));
            allApproximate &= c.approximate();
            if (attribute == null && c.attribute() != null && !c.attribute().isBlank()) {
                attribute = c.attribute();
            }
        }
        ClaimValue parsed = ClaimValues.parse(ClaimKind.DATE, value, false);
        Entry entry = new Entry(value, precision(value).wireName(), first.subject(), first.key(), attribute,
                allApproximate, List.copyOf(sources), List.copyOf(mentions));
        if (parsed instanceof ClaimValue.Date d) {
            return new Sortable(true, d.start(), d.end() - d.start(), entry);
        }
        return new Sortable(false, 0, 0, entry);
    }
}
