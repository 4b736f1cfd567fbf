package dev.crosscheck.document;

import dev.crosscheck.data.DataFiles;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists under {@code src/main/resources/document}: one entry a line, '#' starts a comment line. */
final class WordList {

    private WordList() {
    }

    /** The non-empty, non-comment lines of a resource, trimmed (a tab inside a line is kept). */
    static List<String> load(String name) {
        return DataFiles.lines("/document/" + name);
    }

    /** The lines of a two-column (tab-separated) resource, split into key and value. */
    static List<String[]> loadPairs(String name) {
        List<String[]> pairs = new ArrayList<>();
        for (String line : load(name)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(name + ": expected KEY<TAB>VALUE, got: " + line);
            }
            pairs.add(new String[] {line.substring(0, tab).strip(), line.substring(tab + 1).strip()});
        }
        return pairs;
    }
}
