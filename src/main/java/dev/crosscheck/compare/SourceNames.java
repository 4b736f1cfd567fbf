package dev.crosscheck.compare;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a report calls each source: its publisher where known, else the file name of its id. When two sources
 * of a story share a publisher, each is named "Publisher (file name)" so readers can tell them apart.
 */
final class SourceNames {

    private final Map<String, String> names = new HashMap<>();

    SourceNames(Collection<SourceInfo> sources, Collection<String> otherIds) {
        Map<String, Integer> uses = new HashMap<>();
        for (SourceInfo s : sources) {
            if (hasText(s.publisher())) {
                uses.merge(s.publisher().strip(), 1, Integer::sum);
            }
        }
        for (SourceInfo s : sources) {
            String name = fileName(s.id());
            if (hasText(s.publisher())) {
                String publisher = s.publisher().strip();
                name = uses.get(publisher) > 1 ? publisher + " (" + name + ")" : publisher;
            }
            names.putIfAbsent(s.id(), name);
        }
        for (String id : otherIds) {
            names.putIfAbsent(id, fileName(id));
        }
    }

    String name(String sourceId) {
        String name = names.get(sourceId);
        return name != null ? name : fileName(sourceId);
    }

    /** The last path segment of a source id: "stories/x/a.txt" is "a.txt". */
    static String fileName(String id) {
        String s = id;
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
