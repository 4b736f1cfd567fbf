package dev.crosscheck.fuzz;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.ReadResult;
import dev.crosscheck.document.Sentence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What reading and extraction may produce for any input at all, checked on every fuzzed input: a document whose
 * sentences and evidence point into its own text, or one of the documented rejections. The reader's catch-all
 * ("unreadable document (SomeException)") keeps a bad input from failing an ingestion, but reaching it is a bug, so it
 * counts as a finding here.
 */
final class ReadOutcomes {

    /** The rejections {@code DocumentReader} documents (README "Articles and their metadata"). */
    static final Pattern DOCUMENTED_REJECTION = Pattern.compile(
            "empty document|too large: \\d+ bytes > limit \\d+|binary content \\((PDF|PNG|ZIP|GIF|JPEG|gzip|NUL bytes"
                    + "|control characters)\\)|no text after cleaning");

    private ReadOutcomes() {
    }

    /** The document read, or null for a documented rejection; anything else fails. */
    static Document check(ReadResult result) {
        if (result instanceof ReadResult.Rejected rejected) {
            if (!DOCUMENTED_REJECTION.matcher(rejected.reason()).matches()) {
                throw new AssertionError("undocumented rejection: " + rejected.reason());
            }
            return null;
        }
        if (!(result instanceof ReadResult.Accepted accepted)) {
            throw new AssertionError("no read result: " + result);
        }
        Document d = accepted.document();
        if (d.sentences().isEmpty()) {
            throw new AssertionError("accepted document without sentences");
        }
        String text = d.text();
        int previousStart = -1;
        for (Sentence s : d.sentences()) {
            if (s.start() < 0 || s.end() > text.length() || s.start() > s.end()) {
                throw new AssertionError("sentence outside the text: " + s.start() + ".." + s.end() + " of "
                        + text.length());
            }
            if (!text.substring(s.start(), s.end()).equals(s.text())) {
                throw new AssertionError("sentence text differs from the text at its offsets: " + s);
            }
            if (s.start() < previousStart) {
                throw new AssertionError("sentences out of document order at " + s.start());
            }
            previousStart = s.start();
        }
        return d;
    }

    /** Every claim's evidence quotes the document's own text at the offsets it gives. */
    static void check(Document d, List<Claim> claims) {
        String text = d.text();
        for (Claim c : claims) {
            Evidence e = c.evidence();
            if (e == null || e.quote() == null) {
                throw new AssertionError("claim without evidence: " + c);
            }
            int from = e.sentenceStart();
            if (from < 0 || from + e.quote().length() > text.length()
                    || !text.startsWith(e.quote(), from)) {
                throw new AssertionError("evidence quote is not the text at its offset: " + c);
            }
            if (e.start() < 0 || e.end() > text.length() || e.start() > e.end()) {
                throw new AssertionError("claim span outside the text: " + c);
            }
            if (c.value() == null || c.key().isEmpty()) {
                throw new AssertionError("claim without key or value: " + c);
            }
        }
    }
}
