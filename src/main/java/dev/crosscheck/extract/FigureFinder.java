package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every figure of a sentence, for the coverage: numbers (in digits or words, with their bound or hedge), race
 * times ("2:01:09", "59:51"; a minutes-and-seconds reading is listed even where it is a score),
 * dates and times. Numbers that belong to names ("COVID-19", "Group of 20") and the date of a dateline are no
 * figures; "one" that counts nothing ("one of the deadliest") is none either.
 */
final class FigureFinder {

    /** A figure at tokens [start, end). */
    record Figure(int start, int end) {
    }

    private FigureFinder() {
    }

    static List<Figure> find(SentenceContext c) {
        List<Token> t = c.t;
        List<Figure> out = new ArrayList<>();
        boolean[] inTime = new boolean[t.size()];
        for (TimeRules.TimeMention m : c.times) {
            for (int k = m.start(); k < m.end(); k++) {
                inTime[k] = true;
            }
            if (!m.dateline()) {
                out.add(new Figure(m.start(), m.end()));
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (!inTime[i] && Durations.raceTime(t.get(i)) != null) {
                out.add(new Figure(i, i + 1)); // "2:01:09", "59:51"
                continue;
            }
            if (inTime[i] || !NumberRules.startsNumber(t, i)) {
                continue;
            }
            NumberRules.Num num = NumberRules.parse(t, i);
            if (num == null) {
                continue;
            }
            int end = num.end();
            boolean time = false;
            for (int k = num.valueStart(); k < end; k++) {
                time |= inTime[k];
            }
            if (!time && !FigureFrames.partOfName(c, num) && !lone(t, num)) {
                out.add(new Figure(num.valueStart(), end));
            }
            i = end - 1;
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** A number word that counts nothing: "one" before no noun. */
    private static boolean lone(List<Token> t, NumberRules.Num num) {
        if (!num.words() || num.value().compareTo(java.math.BigDecimal.ONE) != 0) {
            return false;
        }
        int e = num.end();
        return e >= t.size() || WordClasses.is(t.get(e), "partitive-links") || !t.get(e).isWord();
    }
}
