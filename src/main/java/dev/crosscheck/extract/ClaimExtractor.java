package dev.crosscheck.extract;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.util.List;

/**
 * Extracts every checkable claim of a document. Thread-safe; word lists and rules are loaded once.
 * <p>Each body or caption sentence (headlines repeat the body and give none) goes through the dimensions in
 * order: dates of events, quantities, durations, counts, participants, quotes, statements. A dimension marks the
 * tokens it used, so a magnitude is not also a count. Sentences are read in document order so that a later
 * "the quake hit at 11:56 a.m." can take its day from an earlier sentence.
 */
public final class ClaimExtractor {

    public List<Claim> extract(Document document) {
        DocumentState state = new DocumentState();
        for (Sentence s : document.sentences()) {
            if (s.section() == Section.HEADLINE || s.text() == null || s.text().isBlank()) {
                continue;
            }
            SentenceContext c = new SentenceContext(document, s, state);
            DateClaims.apply(c);
            Quantities.apply(c);
            Durations.apply(c);
            Durations.spans(c);
            Counts.apply(c);
            Participants.apply(c);
            Quotes.apply(c);
            Statements.apply(c);
            remember(c);
        }
        return List.copyOf(state.claims);
    }

    /** The actor and natural event this sentence leaves behind for pronouns and bare "the epicentre" later on. */
    private static void remember(SentenceContext c) {
        String subject = c.subjectOwner(c.t.size());
        if (subject != null && !subject.equals(SentenceContext.NOBODY)) {
            c.state.lastSubject = subject;
        }
        for (Gazetteer.Actor a : c.actors) {
            if (a.isPerson()) {
                c.state.lastPerson.put(a.country(), a.person());
            }
        }
        for (Heads.Head h : c.heads) {
            if (h.event()) {
                c.state.lastEvent = c.headName(h);
            }
        }
    }
}
