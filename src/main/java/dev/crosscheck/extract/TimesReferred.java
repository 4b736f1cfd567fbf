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
    private static final Set<String> FIGURE_DATE_LINKS = WordClasses.of("figure-date-links");

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

    /**
     * Whether the sentence is only a time stamp ("Tue, Aug 15, 9:40 p.m. HST", "Updated 10:15 GMT"): then it is the
     * time the figures of the entry below it refer to, until the next stamp (a live blog), and it is remembered.
     */
    static boolean entryStamp(SentenceContext c) {
        if (c.times.isEmpty() || c.published() == null) {
            return false;
        }
        int other = 0;
        for (int k = 0; k < c.t.size(); k++) {
            if (c.t.get(k).isWord() && !c.inTime(k)) {
                other++;
            }
        }
        if (other > 2) {
            return false;
        }
        for (TimeRules.TimeMention m : c.times) {
            LocalDate d = DateResolver.day(m, c.published(), false);
            if (d != null) {
                c.state.entryTime = d.toString();
                for (TimeRules.TimeMention time : c.times) {
                    if (time.type() == TimeRules.Type.TIME && time.hour() >= 0) {
                        c.state.entryTime = stamp(d, time);
                    }
                }
                c.state.entryParagraph = c.sentence.paragraph();
                return true;
            }
        }
        TimeRules.TimeMention only = c.times.size() == 1 ? c.times.get(0) : null;
        if (only != null && only.type() == TimeRules.Type.TIME && only.hour() >= 0 && other == 0
                && (c.state.clockStamps || c.state.entryTime != null)) {
            // "18:04" over an entry of a live blog that gives its day once, at the top: the last stamp's day (a lone
            // clock line with no stamp before it is no live blog's: a clip's "02:31")
            LocalDate day = c.state.entryTime != null ? LocalDate.parse(c.state.entryTime.substring(0, 10)) : c.published();
            c.state.entryTime = stamp(day, only);
            c.state.entryParagraph = c.sentence.paragraph();
            return true;
        }
        return false;
    }

    /** A stamp's time as the asOf of the figures under it: "2023-08-23T18:04". */
    private static String stamp(LocalDate day, TimeRules.TimeMention time) {
        return day + "T" + DateResolver.twoDigits(time.hour()) + ":" + DateResolver.twoDigits(Math.max(0, time.minute()));
    }

    static void enrich(SentenceContext c, Candidate k, Times times) {
        if (k.asOf != null || !k.running || !(k.kind == ClaimKind.COUNT || k.kind == ClaimKind.QUANTITY)) {
            return;
        }
        k.superseded |= superseded(c, k);
        TimeRules.TimeMention best = null;
        for (TimeRules.TimeMention m : c.times) {
            // "up from 99 on Monday night": a date right after the figure is when it held
            int gap = m.start() - k.figureTo;
            if (!m.dateline() && (gap == 0 || gap == 1 && FIGURE_DATE_LINKS.contains(c.t.get(k.figureTo).lower()))) {
                best = m;
                break;
            }
        }
        if (best == null) {
            best = times.nearest(k.figureFrom);
        }
        for (TimeRules.TimeMention m : c.times) {
            if (best == null && !m.dateline() && m.end() < c.t.size() && m.end() < k.figureFrom
                    && c.verbAt[m.end()] >= 0 && c.verbs.get(c.verbAt[m.end()]).cls() == EventVerbs.Cls.REPORT) {
                best = m; // "the Railways on Saturday said the number of deaths is 288": the toll of that day
            }
        }
        LocalDate published = c.published();
        if (best == null && c.state.entryTime != null && c.sentence.paragraph() > c.state.entryParagraph) {
            k.asOf = c.state.entryTime; // the live-blog entry's stamp
            return;
        }
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
        // "from 96 earlier in the day": a cue word in the figure's own phrase, between commas
        for (int i = k.figureFrom - 1; i >= from && !t.get(i).is(","); i--) {
            if (EARLIER.contains(t.get(i).lower())) {
                return true;
            }
        }
        for (int i = k.figureTo; i < to && !t.get(i).is(","); i++) {
            if (EARLIER.contains(t.get(i).lower())) {
                return true;
            }
        }
        int phraseFrom = k.figureFrom;
        while (phraseFrom > from && !t.get(phraseFrom - 1).is(",")) {
            phraseFrom--;
        }
        for (int i = phraseFrom; i < to && (i < k.figureFrom || !t.get(i).is(",")); i++) {
            Token w = t.get(i);
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
