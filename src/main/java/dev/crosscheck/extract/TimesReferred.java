package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.Set;

/**
 * The time-referred enricher: when a count or quantity held, so that a running figure's values can be ordered by the
 * time they refer to ("the toll stood at 2,012 by Monday evening", "as of Saturday", "officials said on Sunday")
 * rather than by publication. A date after "by", "as of", "as at", "through" or "until" in the figure's segment, or
 * right after the reporting verb that cites it ("said on Saturday", "said Saturday"), resolved against the
 * publication date like any date; none otherwise (the comparison then takes the publication date).
 */
final class TimesReferred {

    private static final Set<String> MARKERS = WordClasses.of("as-of-markers");
    private static final Set<String> LINKS = WordClasses.of("report-date-links");

    private TimesReferred() {
    }

    static void enrich(SentenceContext c, Candidate k) {
        if (k.asOf != null || !(k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY)) {
            return;
        }
        TimeRules.TimeMention best = null;
        for (TimeRules.TimeMention m : c.times) {
            if (m.dateline() || m.type() == TimeRules.Type.TIME && m.year() <= 0 && m.month() <= 0 && m.dow() < 0
                    && m.rel() == 0 && m.day() <= 0) {
                continue;
            }
            if (marked(c, m) || afterReportVerb(c, m)) {
                if (best == null || Math.abs(m.start() - k.figureFrom) < Math.abs(best.start() - k.figureFrom)) {
                    best = m;
                }
            }
        }
        if (best == null) {
            return;
        }
        LocalDate published = c.published();
        if (published == null) {
            return;
        }
        LocalDate day = DateResolver.day(best, published, false);
        k.asOf = day != null ? day.toString() : DateResolver.resolve(best, published, false);
    }

    private static boolean marked(SentenceContext c, TimeRules.TimeMention m) {
        int s = m.start();
        if (s >= 1 && MARKERS.contains(c.t.get(s - 1).lower())) {
            return true;
        }
        return s >= 2 && c.t.get(s - 1).is("of") && c.t.get(s - 2).is("as")
                || s >= 2 && c.t.get(s - 1).is("at") && c.t.get(s - 2).is("as");
    }

    private static boolean afterReportVerb(SentenceContext c, TimeRules.TimeMention m) {
        for (int k = m.start() - 1; k >= Math.max(0, m.start() - 3); k--) {
            if (c.verbAt[k] >= 0 && c.verbs.get(c.verbAt[k]).cls() == EventVerbs.Cls.REPORT) {
                return true;
            }
            Token w = c.t.get(k);
            if (!LINKS.contains(w.lower())) {
                return false;
            }
        }
        return false;
    }
}
