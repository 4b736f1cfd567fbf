package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The time-referred enricher: when a count or quantity held, so that a running figure's values can be ordered by the
 * time they refer to ("the toll stood at 2,012 by Monday evening", "as of Saturday", "officials said on Sunday")
 * rather than by publication. A date after "by", "as of", "as at", "through" or "until" (as-of-markers), or right
 * after the reporting verb that cites the figure ("said on Saturday", "said late Saturday"), resolved against the
 * publication date like any date; the nearest such date in the sentence. None otherwise (the comparison then takes
 * the publication date).
 */
final class TimesReferred {

    private static final Set<String> MARKERS = WordClasses.of("as-of-markers");
    private static final Set<String> LINKS = WordClasses.of("report-date-links");
    private static final Set<String> AS = WordClasses.of("as-of-phrases");

    private TimesReferred() {
    }

    /** The dates of a sentence that may say when its figures held, in order. */
    static final class Times {
        private final List<TimeRules.TimeMention> mentions = new ArrayList<>();

        Times(SentenceContext c) {
            for (TimeRules.TimeMention m : c.times) {
                if (!m.dateline() && (marked(c, m) || afterReportVerb(c, m))) {
                    mentions.add(m);
                }
            }
        }

        TimeRules.TimeMention nearest(int at) {
            TimeRules.TimeMention best = null;
            for (TimeRules.TimeMention m : mentions) {
                if (best == null || Math.abs(m.start() - at) < Math.abs(best.start() - at)) {
                    best = m;
                }
                if (m.start() > at) {
                    break; // in order: later ones are farther
                }
            }
            return best;
        }
    }

    static void enrich(SentenceContext c, Candidate k, Times times) {
        if (k.asOf != null || !k.running || !(k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY)) {
            return;
        }
        k.superseded = superseded(c, k);
        TimeRules.TimeMention best = times.nearest(k.figureFrom);
        LocalDate published = c.published();
        if (best == null || published == null) {
            return;
        }
        LocalDate day = DateResolver.day(best, published, false);
        k.asOf = day != null ? day.toString() : DateResolver.resolve(best, published, false);
        if (k.asOf != null) {
            k.asOfFrom = best.start();
            k.asOfTo = best.end();
        }
    }

    /**
     * Whether the text gives a running figure as replaced since: "down from the 115", "up from 2,012" (a word of
     * earlier-links right before it), "41 earlier in the week", "had given a figure of 89" (earlier-cues, or a past
     * perfect, in its clause).
     */
    private static boolean superseded(SentenceContext c, Candidate k) {
        List<Token> t = c.t;
        int from = c.clauseStart(k.figureFrom);
        int to = FigureFrames.clauseEnd(c, k.to);
        int before = k.figureFrom - 1;
        while (before >= 0 && t.get(before).pos("DET")) {
            before--;
        }
        if (before >= 1 && EARLIER_LINKS.contains(t.get(before).lower())
                && DIRECTIONS.contains(t.get(before - 1).lower())) {
            return true;
        }
        for (int i = from; i < to; i++) {
            Token w = t.get(i);
            if (EARLIER.contains(w.lower())) {
                return true;
            }
            if (PERFECT.contains(w.lower()) && i + 1 < t.size() && reports(t.get(i + 1))) {
                return true; // "had given a figure of 89", "the 115 they had reported"; not "had died"
            }
        }
        return false;
    }

    /** A reporting verb ("given", "reported", "put"), by its verb lemma. */
    private static boolean reports(Token w) {
        LemmaLexicon.Entry en = FigureFrames.PREDICATES.of(w.verbLemma());
        return en != null && en.has("report");
    }

    private static final Set<String> EARLIER_LINKS = WordClasses.of("earlier-links");
    private static final Set<String> DIRECTIONS = WordClasses.of("earlier-directions");
    private static final Set<String> EARLIER = WordClasses.of("earlier-cues");
    private static final Set<String> PERFECT = WordClasses.of("past-perfect");

    private static boolean marked(SentenceContext c, TimeRules.TimeMention m) {
        int s = m.start();
        if (s >= 1 && MARKERS.contains(c.t.get(s - 1).lower())) {
            return true;
        }
        return s >= 2 && AS.contains(c.t.get(s - 2).lower() + " " + c.t.get(s - 1).lower());
    }

    /** The dates of a sentence right after a reporting verb ("said on Monday"): their end token, by start token. */
    static java.util.Map<Integer, Integer> reportDates(SentenceContext c) {
        java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
        for (TimeRules.TimeMention m : c.times) {
            if (!m.dateline() && afterReportVerb(c, m)) {
                out.put(m.start(), m.end());
            }
        }
        return out;
    }

    private static boolean afterReportVerb(SentenceContext c, TimeRules.TimeMention m) {
        for (int k = m.start() - 1; k >= Math.max(0, m.start() - 3); k--) {
            if (c.verbAt[k] >= 0 && c.verbs.get(c.verbAt[k]).cls() == EventVerbs.Cls.REPORT) {
                return true;
            }
            if (!LINKS.contains(c.t.get(k).lower())) {
                return false;
            }
        }
        return false;
    }
}
