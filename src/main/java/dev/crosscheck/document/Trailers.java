package dev.crosscheck.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recognizes the first line of the page furniture after an article ("LEAVE A REPLY", "Related articles"). */
final class Trailers {

    private static final Set<String> EXACT = new HashSet<>();
    private static final List<String> PREFIXES = new ArrayList<>();

    static {
        for (String marker : WordList.load("trailer-markers.txt")) {
            String m = marker.toLowerCase(Locale.ROOT);
            if (m.endsWith("*")) {
                PREFIXES.add(m.substring(0, m.length() - 1));
            } else {
                EXACT.add(m);
            }
        }
    }

    /** Longer lines are article text, whatever they start with. */
    private static final int MAX_MARKER_LINE = 120;

    private Trailers() {
    }

    static boolean isTrailerMarker(String line) {
        if (line.length() > MAX_MARKER_LINE) {
            return false;
        }
        String s = TextNormalizer.normalize(line).toLowerCase(Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && "#*_> ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "*_:!. ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        s = s.substring(start, end);
        if (s.isEmpty()) {
            return false;
        }
        if (EXACT.contains(s)) {
            return true;
        }
        String withColon = s + ":";
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix) || withColon.equals(prefix)) {
                return true;
            }
        }
        return false;
    }
}
