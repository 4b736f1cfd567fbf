package dev.crosscheck.document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the word lists under {@code src/main/resources/document}: one entry a line, '#' starts a comment line. */
final class WordList {

    private WordList() {
    }

    /** The non-empty, non-comment lines of a resource, trimmed (a tab inside a line is kept). */
    static List<String> load(String name) {
        String path = "/document/" + name;
        try (InputStream in = WordList.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    lines.add(entry);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
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
