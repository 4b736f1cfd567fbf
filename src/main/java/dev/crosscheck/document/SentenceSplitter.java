package dev.crosscheck.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits one paragraph into sentences with OpenNLP's English sentence model, then joins back the splits the model
 * makes after abbreviations and initials ("Gen. Milley", "John F. Kennedy", "9 a.m. on Monday"), using the
 * abbreviation list in {@code document/abbreviations.txt}.
 *
 * <p>The model is loaded once; a detector is not thread-safe, so each thread gets its own.
 */
public final class SentenceSplitter {

    /** The model inside the {@code opennlp-models-sentdetect-en} artifact, at the root of its jar. */
    private static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    /**
     * Paragraphs longer than this are not prose anyone wrote; they are split by a linear rule instead of the model,
     * whose cost grows with the number of candidate sentence ends.
     */
    static final int MAX_MODEL_PARAGRAPH = 20_000;

    /** Inside a run of non-space characters longer than this (URLs, junk) no sentence ends, but at its last char. */
    private static final int MAX_TOKEN = 40;

    private static final SentenceModel MODEL = loadModel();
    private static final ThreadLocal<SentenceDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new SentenceDetectorME(MODEL));

    private enum Kind { TITLE, TIME, NUMBER, AMBIGUOUS }

    private static final Map<String, Kind> ABBREVIATIONS = new HashMap<>();
    private static final Set<String> TIME_FOLLOWERS = new HashSet<>(WordList.load("time-followers.txt"));
    private static final Set<String> ZONE_PLACES = new HashSet<>(WordList.load("time-zone-places.txt"));
    private static final Set<String> ZONE_WORDS = new HashSet<>(WordList.load("time-zone-words.txt"));

    static {
        for (String[] pair : WordList.loadPairs("abbreviations.txt")) {
            ABBREVIATIONS.put(pair[0], Kind.valueOf(pair[1].toUpperCase(java.util.Locale.ROOT)));
        }
    }

    private SentenceSplitter() {
    }

    private static SentenceModel loadModel() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sentence model " + MODEL_RESOURCE + " is not on the classpath");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load sentence model", e);
        }
    }

    /**
     * The sentences of a paragraph as {@code [start, end)} offsets into it, trimmed, in order, never empty.
     * The paragraph is normalized text: no newlines, single spaces.
     */
    public static List<int[]> split(String paragraph) {
        List<int[]> raw = paragraph.length() > MAX_MODEL_PARAGRAPH ? splitByRule(paragraph) : splitByModel(paragraph);
        List<int[]> joined = new ArrayList<>();
        for (int[] span : raw) {
            int[] s = trim(paragraph, span[0], span[1]);
            if (s == null) {
                continue;
            }
            if (!joined.isEmpty()) {
                int[] last = joined.get(joined.size() - 1);
                if (shouldJoin(paragraph, last, s)) {
                    last[1] = s[1];
                    continue;
                }
            }
            joined.add(s);
        }
        return joined;
    }

    private static List<int[]> splitByModel(String paragraph) {
        String masked = maskLongTokens(paragraph);
        Span[] spans = DETECTOR.get().sentPosDetect(masked);
        List<int[]> out = new ArrayList<>(spans.length);
        int covered = 0;
        for (Span span : spans) {
            out.add(new int[] {span.getStart(), span.getEnd()});
            covered = span.getEnd();
        }
        if (covered < paragraph.length()) {
            out.add(new int[] {covered, paragraph.length()});
        }
        return out;
    }

    /**
     * Hides sentence-final punctuation inside very long runs of non-space characters from the model, keeping
     * offsets: the model's features look at the whole token around each candidate, so such runs would cost time
     * quadratic in their length, and no sentence ends inside a URL or a run of junk anyway.
     */
    static String maskLongTokens(String s) {
        char[] chars = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (i - start > MAX_TOKEN) {
                for (int j = start; j < i - 1; j++) {
                    char c = s.charAt(j);
                    if (c == '.' || c == '!' || c == '?') {
                        if (chars == null) {
                            chars = s.toCharArray();
                        }
                        chars[j] = '_';
                    }
                }
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** Sentence ends at '.', '!' or '?' (plus closing quotes or brackets) followed by a space and a capital. */
    static List<int[]> splitByRule(String s) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && (s.charAt(end) == '"' || s.charAt(end) == '\'' || s.charAt(end) == ')')) {
                end++;
            }
            if (end + 1 < n && s.charAt(end) == ' ') {
                char next = s.charAt(end + 1);
                if (Character.isUpperCase(next) || next == '"' || next == '\'') {
                    out.add(new int[] {start, end});
                    start = end + 1;
                    i = end;
                }
            }
        }
        if (start < n) {
            out.add(new int[] {start, n});
        }
        return out;
    }

    private static int[] trim(String s, int start, int end) {
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start < end ? new int[] {start, end} : null;
    }

    /** Whether the model split after an abbreviation or initial and the two pieces are one sentence. */
    static boolean shouldJoin(String s, int[] previous, int[] next) {
        String lastWord = lastWord(s, previous[0], previous[1]);
        String nextWord = stripLeading(firstWord(s, next[0], next[1]));
        if (lastWord.isEmpty() || nextWord.isEmpty()) {
            return false;
        }
        char first = nextWord.charAt(0);
        if (",;:-)]".indexOf(first) >= 0) {
            // Nor with a dash or a mark that continues a clause ("FORT LAUDERDALE, Fla. -- Lionel Messi scored").
            return true;
        }
        if (Character.isLowerCase(first)) {
            // A sentence does not start in lowercase: the model split after an abbreviation or a number it
            // took for a sentence end ("at 6:11 a.m. (local time)", "closed at 4,117.37 on Friday").
            return true;
        }
        if (!lastWord.endsWith(".")) {
            return false;
        }
        Kind kind = ABBREVIATIONS.get(lastWord);
        if (kind == null && isInitial(lastWord)) {
            return Character.isUpperCase(first);
        }
        if (kind == null) {
            return false;
        }
        return switch (kind) {
            case TITLE -> true;
            case TIME -> Character.isDigit(first) || TIME_FOLLOWERS.contains(nextWord)
                    || TIME_FOLLOWERS.contains(stripTrailing(nextWord))
                    || ZONE_PLACES.contains(nextWord) && ZONE_WORDS.contains(stripTrailing(secondWord(s, next[0], next[1])));
            case NUMBER, AMBIGUOUS -> Character.isDigit(first);
        };
    }

    /** A single capital letter and a period: a middle initial ("John F. Kennedy"). */
    private static boolean isInitial(String word) {
        return word.length() == 2 && Character.isUpperCase(word.charAt(0)) && word.charAt(1) == '.';
    }

    /** The last space-delimited word of {@code s[start, end)}, without leading brackets or quotes. */
    private static String lastWord(String s, int start, int end) {
        int i = end;
        while (i > start && s.charAt(i - 1) != ' ') {
            i--;
        }
        while (i < end && (s.charAt(i) == '(' || s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == '[')) {
            i++;
        }
        return s.substring(i, end);
    }

    /** The word after the first of [start, end): "time" of "India time, the agency said". */
    private static String secondWord(String s, int start, int end) {
        int i = start;
        while (i < end && s.charAt(i) != ' ') {
            i++;
        }
        while (i < end && s.charAt(i) == ' ') {
            i++;
        }
        return firstWord(s, i, end);
    }

    private static String firstWord(String s, int start, int end) {
        int i = start;
        while (i < end && s.charAt(i) != ' ') {
            i++;
        }
        return s.substring(start, i);
    }

    /** Without opening brackets and quotes: "(0011", "\"we". */
    private static String stripLeading(String word) {
        int i = 0;
        while (i < word.length() && "([\"'".indexOf(word.charAt(i)) >= 0) {
            i++;
        }
        return word.substring(i);
    }

    private static String stripTrailing(String word) {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(0, end);
    }
}
