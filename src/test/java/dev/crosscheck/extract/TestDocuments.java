package dev.crosscheck.extract;

import dev.crosscheck.document.Document;
import dev.crosscheck.document.Section;
import dev.crosscheck.document.Sentence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds documents the simple way for extraction tests: every line is a paragraph, the first non-empty line is
 * the headline, sentences end at ". ", "? " or "! " followed by a capital or a quote.
 */
final class TestDocuments {

    static final Path CORPUS = Path.of("..", "shared", "corpus");

    private TestDocuments() {
    }

    static Document of(String id, String text, LocalDate published) {
        return build(id, text, published, true);
    }

    /** A document whose lines are all body text (for sentence-level rule tables). */
    static Document body(String text, LocalDate published) {
        return build("test", text, published, false);
    }

    private static Document build(String id, String text, LocalDate published, boolean headline) {
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        int pos = 0;
        boolean first = headline;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!line.isBlank()) {
                Section section = first ? Section.HEADLINE : Section.BODY;
                first = false;
                split(text, pos, end, paragraph, section, sentences);
                paragraph++;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return new Document(id, null, null, null, published, "metadata", null, text, sentences);
    }

    private static void split(String text, int from, int to, int paragraph, Section section, List<Sentence> out) {
        int start = from;
        while (start < to && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        for (int i = start; i < to - 2; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && text.charAt(i + 1) == ' ') {
                char n = text.charAt(i + 2);
                if (Character.isUpperCase(n) || n == '"' || n == '\u201c') {
                    out.add(new Sentence(text.substring(start, i + 1), start, i + 1, paragraph, section));
                    start = i + 2;
                }
            }
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(text.substring(start, end), start, end, paragraph, section));
        }
    }

    static Document corpus(String story, String name) {
        try {
            Path dir = CORPUS.resolve(story);
            String text = Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
            String meta = Files.readString(dir.resolve(name + ".meta.json"), StandardCharsets.UTF_8);
            int p = meta.indexOf("\"published\"");
            int q = meta.indexOf('"', meta.indexOf(':', p) + 1);
            LocalDate published = LocalDate.parse(meta.substring(q + 1, meta.indexOf('"', q + 1)));
            return of(name + ".txt", text, published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
