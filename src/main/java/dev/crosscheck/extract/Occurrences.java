package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKey;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Modality;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which occurrence a figure of a one-off happening counts: the crowd of the march of June 9 is not the crowd of the march
 * of June 16, two missiles fired on Sunday are not three fired on Wednesday. A count or quantity whose predicate class
 * is flagged [occurrence] in predicates.txt gets the day of its occurrence in its key (
 * {@code count:-:-:person:demonstrated@2019-06-09}): the one day its sentence names (not the day a figure was
 * reported: "police said on Monday that 240,000 marched"), else the one day the document dates an occurrence of that
 * class ("the protest was organised on June 9"). A document that dates two occurrences of the class gives no day to
 * the figures that name none. The comparison compares figures of one day, and figures of no day with the day they
 * match.
 */
final class Occurrences {

    /** A date value that names a day: "2019-06-09", "2019-06-09T14:00". */
    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Occurrences() {
    }

    /** A day a sentence names, with the words that name it. */
    record Day(TimeRules.TimeMention mention, LocalDate day) {
    }

    /** The [occurrence] class of a figure's key, or null: its last part, any day removed. */
    private static LemmaLexicon.Entry occurrenceClass(ClaimKind kind, String last) {
        if (kind != ClaimKind.COUNT && kind != ClaimKind.QUANTITY) {
            return null;
        }
        int at = last.indexOf(ClaimKey.OCCURRENCE);
        LemmaLexicon.Entry e = FigureFrames.PREDICATES.named(at < 0 ? last : last.substring(0, at));
        return e != null && e.has("occurrence") ? e : null;
    }

    /**
     * Gives a figure of a one-off occurrence the one day its clause names for it, and marks that day's words as read: a
     * day with no other figure between it and this one ("2 million marched, up from 1.03 million on June 9": June 9 is
     * the 1.03 million's), not the day a figure was reported ("police said on Monday"), not a bound ("the largest since
     * July 1, 2003").
     */
    static void qualify(SentenceContext c, Candidate k) {
        if (k.running || occurrenceClass(k.kind, k.key.last()) == null) {
            return;
        }
        if (c.occurrenceDays == null) {
            c.occurrenceDays = candidateDays(c); // once per sentence
        }
        int from = c.clauseStart(k.figureFrom);
        int to = FigureFrames.clauseEnd(c, k.figureTo);
        Day found = null;
        for (int p = from; p < to; p++) {
            Day d = c.occurrenceDays.get(p);
            if (d == null || between(c, k, d.mention())) {
                continue;
            }
            if (found != null && !found.day().equals(d.day())) {
                return; // two days: which one the figure is of stays untold
            }
            found = d;
        }
        if (found != null) {
            k.key = k.key.withOccurrence(found.day().toString());
            k.occurrenceFrom = found.mention().start();
            k.occurrenceTo = found.mention().end();
        }
    }

    /** Whether another figure stands between the day and the candidate's figure. */
    private static boolean between(SentenceContext c, Candidate k, TimeRules.TimeMention m) {
        int lo = m.end() <= k.figureFrom ? m.end() : k.figureTo;
        int hi = m.end() <= k.figureFrom ? k.figureFrom : m.start();
        for (int p = lo; p < hi; p++) {
            if (c.figureTokens[p] || c.t.get(p).isNumber()) {
                return true;
            }
        }
        return false;
    }

    /** The sentence's days that may be an occurrence's, by their first token: no dateline, report date or bound. */
    private static Map<Integer, Day> candidateDays(SentenceContext c) {
        Map<Integer, Integer> reports = TimesReferred.reportDates(c);
        Map<Integer, Day> out = new HashMap<>();
        for (TimeRules.TimeMention m : c.times) {
            if (m.dateline() || reports.containsKey(m.start())
                    || m.start() > 0 && WordClasses.is(c.t.get(m.start() - 1), "date-bounds")) {
                continue; // "police said on Monday", "the largest since July 1, 2003"
            }
            LocalDate day = DateResolver.day(m, c.published(), false);
            if (day != null) {
                out.put(m.start(), new Day(m, day));
            }
        }
        return out;
    }

    /**
     * Gives the figures of one-off occurrences that name no day the day the document dates its occurrence of that class
     * by ("the protest was organised on June 9"), when it dates one day only and no figure of the class is dated by its
     * own sentence to another.
     */
    static void qualifyByDocument(List<Claim> claims) {
        Map<String, String> dayOfClass = new HashMap<>();
        Map<String, String> figureDays = new HashMap<>(); // days figures of the class were dated by their sentences
        for (Claim c : claims) {
            String told = ClaimKey.occurrenceOf(c.key());
            String base = ClaimKey.withoutScope(c.key());
            LemmaLexicon.Entry dated = told == null ? null
                    : occurrenceClass(c.kind(), base.substring(base.lastIndexOf(':') + 1));
            if (dated != null) {
                figureDays.merge(dated.name(), told, (a, b) -> a.equals(b) ? a : "");
            }
        }
        for (Claim c : claims) {
            if (c.kind() != ClaimKind.DATE || c.modality() != Modality.ASSERTED || !DAY.matcher(c.value()).lookingAt()) {
                continue;
            }
            String day = c.value().substring(0, 10);
            String[] parts = ClaimKey.withoutScope(c.key()).split(":");
            for (int i = 2; i < parts.length; i++) { // the thing and the act: date:-:protest:organised
                LemmaLexicon.Entry e = FigureFrames.PREDICATES.of(parts[i]);
                if (e == null) {
                    e = FigureFrames.PREDICATES.named(parts[i]);
                }
                if (e != null && e.has("occurrence")) {
                    // a second day makes it untold which occurrence a figure without one is of
                    dayOfClass.merge(e.name(), day, (a, b) -> a.equals(b) ? a : "");
                }
            }
        }
        if (dayOfClass.isEmpty()) {
            return;
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            String base = ClaimKey.withoutScope(c.key());
            LemmaLexicon.Entry cls = c.running() || base.indexOf(ClaimKey.OCCURRENCE) >= 0 ? null
                    : occurrenceClass(c.kind(), base.substring(base.lastIndexOf(':') + 1));
            String day = cls == null ? null : dayOfClass.get(cls.name());
            String figureDay = cls == null ? null : figureDays.get(cls.name());
            if (day == null || day.isEmpty() || figureDay != null && !figureDay.equals(day)) {
                continue; // "up from 1.03 million on June 9" beside a march dated otherwise: which one stays untold
            }
            String scope = ClaimKey.scopeOf(c.key());
            String key = base + ClaimKey.OCCURRENCE + day + (scope == null ? "" : ClaimKey.SCOPE + scope);
            claims.set(i, c.withKey(key));
        }
    }
}
