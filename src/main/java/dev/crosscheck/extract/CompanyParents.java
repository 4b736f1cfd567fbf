package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;
import java.util.List;

/**
 * A company's parent, as business news names it once and then refers to it: "HSBC buys the UK arm of Silicon Valley
 * Bank" ... "its Californian parent, which was closed on Friday". A subsidiary noun (subsidiary-nouns: arm,
 * subsidiary) followed by "of" and a name records the name's head ("bank"); a parent noun (parent-nouns) after a
 * possessive pronoun later in the text stands for it. The first parent named wins: a story about one group's arm names
 * one parent.
 */
final class CompanyParents {

    /** Words between "of" and the parent's name: "of the collapsed Silicon Valley Bank". */
    private static final int MAX_BEFORE_NAME = 3;

    private CompanyParents() {
    }

    /** Records the parent a sentence names ("UK arm of Silicon Valley Bank"), when none is known yet. */
    static void remember(SentenceContext c) {
        List<Token> t = c.t;
        for (int k = 0; k + 2 < t.size() && c.state.parentName == null; k++) {
            if (!WordClasses.is(t.get(k), "subsidiary-nouns") || !t.get(k + 1).is("of")) {
                continue;
            }
            int j = k + 2;
            while (j < Math.min(t.size(), k + 2 + MAX_BEFORE_NAME) && t.get(j).isWord() && !t.get(j).capitalized()) {
                j++; // "the collapsed"
            }
            int end = j;
            while (end < t.size() && FigureFrames.nameLike(c, end)) {
                end++;
            }
            if (end > j) {
                c.state.parentName = ClaimKey.slug(t.get(end - 1).nounLemma());
            }
        }
    }

    /**
     * The parent's head a parent noun at token j stands for ("its Californian parent": bank), or null: only after a
     * possessive pronoun and at most two words ("a parent who was arrested" is nobody's company).
     */
    static String parentAt(SentenceContext c, int j) {
        if (c.state.parentName == null || !WordClasses.is(c.t.get(j), "parent-nouns")) {
            return null;
        }
        for (int k = j - 1; k >= Math.max(0, j - 3); k--) {
            if (WordClasses.is(c.t.get(k), "possessive-pronouns")) {
                return c.state.parentName;
            }
            if (!c.t.get(k).isWord()) {
                return null;
            }
        }
        return null;
    }
}
