package dev.crosscheck.extract;

import dev.crosscheck.data.DataFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the extraction data files (one entry a line, {@code #} starts a comment line).
 * An entry is either a bare phrase or {@code head: alias, alias} where the head may carry a
 * bracketed flag ({@code plan [countable]: plan, proposal}).
 */
final class Lexicon {

    /** One line of a data file: the part before the first colon, its flag, and the comma-separated rest. */
    record Entry(String head, String flag, List<String> items) {
    }

    private Lexicon() {
    }

    /** The entries of a data file; a name without a leading '/' lies beside this class. */
    static List<String> lines(String resource) {
        return DataFiles.lines(resource.startsWith("/") ? resource : "/dev/crosscheck/extract/" + resource);
    }

    /** Lines of the form {@code head [flag]: a, b, c}. */
    static List<Entry> entries(String resource) {
        List<Entry> out = new ArrayList<>();
        for (String line : lines(resource)) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalStateException(resource + ": expected 'head: items' in " + line);
            }
            String head = line.substring(0, colon).strip();
            String flag = null;
            int br = head.indexOf('[');
            if (br >= 0 && head.endsWith("]")) {
                flag = head.substring(br + 1, head.length() - 1).strip();
                head = head.substring(0, br).strip();
            }
            List<String> items = new ArrayList<>();
            for (String item : line.substring(colon + 2).split(",")) {
                String s = item.strip();
                if (!s.isEmpty()) {
                    items.add(s);
                }
            }
            out.add(new Entry(head, flag, items));
        }
        return out;
    }
}
