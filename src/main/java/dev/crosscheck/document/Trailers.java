package dev.crosscheck.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes page furniture in article text: the first line of what follows an article ("LEAVE A REPLY",
 * "Related articles", see {@code document/trailer-markers.txt}), and single lines inside it that are not article
 * text ("Also Read: ...", "Advertisement", see {@code document/dropped-lines.txt}).
 */
final class Trailers {

    /** Lines compared whole, or by their start for entries ending in "*". */
    private static final class LineList {
        private final Set<String> exact = new HashSet<>();
        private final List<String> prefixes = new ArrayList<>();
        private final int maxLine;

        LineList(String resource, int maxLine) {
            this.maxLine = maxLine;
            for (String entry : WordList.load(resource)) {
                String e = entry.toLowerCase(Locale.ROOT);
                if (e.endsWith("*")) {
                    prefixes.add(e.substring(0, e.length() - 1));
                } else {
                    exact.add(e);
                }
            }
        }

        boolean matches(String line) {
            if (line.length() > maxLine) {
                return false;
            }
            String s = TextNormalizer.normalize(line).toLowerCase(Locale.ROOT);
            int start = 0;
            while (start < s.length() && "#*_> ".indexOf(s.charAt(start)) >= 0) {
                start++;
            }
            for (String prefix : prefixes) {
                if (s.startsWith(prefix, start)) {
                    return true;
                }
            }
            int end = s.length();
            while (end > start && "*_:!. ".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            return end > start && exact.contains(s.substring(start, end));
        }
    }

    private static final LineList TRAILERS = new LineList("trailer-markers.txt", 120);
    private static final LineList DROPPED = new LineList("dropped-lines.txt", 200);

    private Trailers() {
    }

    /** Whether the line starts what follows the article: everything from it on is cut. */
    static boolean isTrailerMarker(String line) {
        return TRAILERS.matches(line);
    }

    /** Whether the line is a link teaser, an advertising label or an app prompt inside the article. */
    static boolean isDroppedLine(String line) {
        return DROPPED.matches(line);
    }
}
