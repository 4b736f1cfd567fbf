package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import java.util.Locale;

/**
 * Quote claims: who said which words. A quotation of at least {@value #MIN_WORDS} words inside one sentence,
 * attributed in that sentence ("X said", "said X", "according to X", "X added", "the joint statement read"):
 * the speaker is the person named outside the quotation (else the country, else the document that is quoted,
 * else the person last quoted when the sentence says "he said"). The value is the quoted words, lower-cased,
 * without punctuation; the key is the speaker and those words, so the same words from two sources align.
 * A quotation may run over two sentences; its evidence is then the part in the attributing sentence.
 */
final class Quotes {

    static final int MIN_WORDS = 5;
    private static final int MAX_KEY_CHARS = 120;

    private Quotes() {
    }

    static void apply(SentenceContext c) {
        int n = c.t.size();
        int open = -1;
        String carried = c.state.openQuote;
        String carriedSpeaker = c.state.openQuoteSpeaker;
        c.state.openQuote = null;
        for (int i = 0; i < n; i++) {
            if (!c.t.get(i).is("\"")) {
                continue;
            }
            if (open < 0 && carried != null) {
                // the quotation opened in an earlier sentence closes here
                quote(c, -1, i, carried, carriedSpeaker);
                carried = null;
                continue;
            }
            carried = null;
            if (open < 0) {
                open = i;
                continue;
            }
            quote(c, open, i, null, null);
            open = -1;
        }
        if (open >= 0) {
            // an open quotation runs on into the next sentence ("... anyone. The coverage ...," Peskov said.)
            c.state.openQuote = words(c, open + 1, n);
            // 'Peskov said: "...' names the speaker before the quotation runs on
            c.state.openQuoteSpeaker = open > 0 ? speaker(c, open, n - 1) : null;
        } else if (carried != null && !c.state.openQuoteContinued) {
            c.state.openQuote = carried + " " + words(c, 0, n);
            c.state.openQuoteContinued = true;
            return;
        }
        c.state.openQuoteContinued = false;
        if (c.state.openQuote == null) {
            c.state.openQuoteSpeaker = null;
        }
    }

    private static String words(SentenceContext c, int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int k = from; k < to; k++) {
            Token tk = c.t.get(k);
            if (tk.isWord() || tk.isNumber()) {
                if (!words.isEmpty()) {
                    words.append(' ');
                }
                words.append(tk.lower());
            } else if (tk.kind() == Token.Kind.POSSESSIVE) {
                words.append("'s");
            }
        }
        return words.toString();
    }

    /** A quotation between tokens open and close; open is -1 when it began in an earlier sentence ({@code carried}). */
    private static void quote(SentenceContext c, int open, int close, String carried, String carriedSpeaker) {
        String own = words(c, open + 1, close);
        String value = carried == null ? own : own.isEmpty() ? carried : carried + " " + own;
        if (value.isEmpty() || value.split(" ").length < MIN_WORDS) {
            return;
        }
        String speaker = speaker(c, open, close);
        if (speaker == null) {
            speaker = carriedSpeaker;
        }
        if (speaker == null) {
            return;
        }
        c.state.lastSpeaker = speaker;
        String slug = value.replace(' ', '-');
        if (slug.length() > MAX_KEY_CHARS) {
            slug = slug.substring(0, MAX_KEY_CHARS);
        }
        c.emit(ClaimKind.QUOTE, ClaimKey.of(ClaimKind.QUOTE, speaker, slug), "Quote of " + Participants.label(speaker), "quote",
                value, Math.max(0, open), close + 1, false, false, c.baseConfidence() * (carried == null ? 0.9 : 0.8));
    }

    /**
     * The speaker named next to an attribution outside [open, close]: "X said", "said X", "X added", "according
     * to X", "the joint statement read"; null when the sentence attributes nothing.
     */
    private static String speaker(SentenceContext c, int open, int close) {
        // reporting verbs near the quotation: after it first ("...," X said), then before it (X said: "...")
        int n = c.t.size();
        int[] order = new int[2 * SentenceContext.WINDOW];
        int count = 0;
        for (int k = close + 1; k < Math.min(n, close + 1 + SentenceContext.WINDOW); k++) {
            if (c.verbAt[k] >= 0) {
                order[count++] = c.verbAt[k];
            }
        }
        for (int k = open - 1; k >= Math.max(0, open - SentenceContext.WINDOW); k--) {
            if (c.verbAt[k] >= 0) {
                order[count++] = c.verbAt[k];
            }
        }
        for (int o = 0; o < count; o++) {
            EventVerbs.Verb v = c.verbs.get(order[o]);
            if (v.cls() != EventVerbs.Cls.REPORT || !(v.start() > close || v.end() <= open)) {
                continue;
            }
            // said X / according to X (titles and possessives allowed: "according to Beijing's foreign ministry")
            String after = actorNear(c, v.end(), Math.min(c.t.size(), v.end() + 4), open, close, true);
            // X said
            String before = actorNear(c, Math.max(0, v.start() - 5), v.start(), open, close, false);
            boolean according = c.t.get(v.start()).is("according");
            String found = according ? after : before != null ? before : after;
            if (found != null) {
                return found;
            }
            // "the joint statement said", "the statement reads"
            Heads.Head h = c.nearestHead(v.start(), true, false);
            if (h != null && v.start() - h.end() <= 1 && (h.end() <= open || h.start() > close)
                    && (h.name().equals("joint-statement") || h.name().equals("statement"))) {
                return h.name();
            }
            for (int k = Math.max(0, v.start() - 2); k < v.start(); k++) {
                String w = c.t.get(k).lower();
                if (w.equals("he") || w.equals("she")) {
                    return c.state.lastSpeaker;
                }
            }
        }
        for (int k = close + 1; k < Math.min(n, close + 8); k++) {
            if (c.t.get(k).is("read") || c.t.get(k).is("reads") || c.t.get(k).is("stated")) {
                Heads.Head h = c.nearestHead(k, true, false);
                if (h != null && h.end() > close && k - h.end() <= 1) {
                    return h.name();
                }
            }
        }
        return null;
    }

    /** The person (else the country) of the actor nearest the attribution in [from, to), outside the quotation. */
    private static String actorNear(SentenceContext c, int from, int to, int open, int close, boolean firstFirst) {
        String country = null;
        int k = firstFirst ? from : to - 1;
        while (k >= from && k < to) {
            if ((k < open || k > close) && c.actorAt[k] >= 0) {
                Gazetteer.Actor a = c.actors.get(c.actorAt[k]);
                if (a.isPerson()) {
                    return a.person();
                }
                if (country == null) {
                    country = a.country();
                }
            }
            k += firstFirst ? 1 : -1;
        }
        return country;
    }
}
