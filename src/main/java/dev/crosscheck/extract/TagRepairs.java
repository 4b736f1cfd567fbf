package dev.crosscheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Repairs of the tagger's output in contexts the model misreads in news text (tag-repairs.txt): "regulators closed
 * Silicon Valley Bank" has "closed" as an adjective, "by US regulators" has "US" as the pronoun. The tagger itself
 * stays the model's; a repair names the tag it changes, a pattern of the word and the tags (or word patterns) around
 * it.
 */
final class TagRepairs {

    private record Repair(String to, String from, Pattern word, Set<String> before, Set<String> after) {
        boolean applies(List<Token> t, int i) {
            Token w = t.get(i);
            return w.pos(from) && word.matcher(w.text()).matches()
                    && around(before, i > 0 ? t.get(i - 1) : null) && around(after, i + 1 < t.size() ? t.get(i + 1) : null);
        }

        private static boolean around(Set<String> tags, Token w) {
            if (tags == null) {
                return true;
            }
            if (w == null || w.pos() == null) {
                return false;
            }
            if (tags.contains(w.pos())) {
                return true;
            }
            for (String tag : tags) {
                if (tag.startsWith("/") && w.text().matches(tag.substring(1, tag.length() - 1))) {
                    return true; // a word given by its pattern: "Rs"
                }
            }
            return false;
        }
    }

    private static final List<Repair> REPAIRS = load();

    private TagRepairs() {
    }

    private static List<Repair> load() {
        List<Repair> out = new ArrayList<>();
        for (String line : Lexicon.lines("tag-repairs.txt")) {
            int colon = line.indexOf(": ");
            String[] parts = line.substring(colon + 2).split(" \\| ");
            String[] head = parts[0].strip().split("\\s+", 2);
            if (colon < 0 || parts.length != 3 || head.length != 2 || !head[1].startsWith("/") || !head[1].endsWith("/")) {
                throw new IllegalStateException("tag-repairs.txt: expected 'NEW: TAG /word/ | before | after' in " + line);
            }
            out.add(new Repair(line.substring(0, colon).strip(), head[0],
                    Pattern.compile(head[1].substring(1, head[1].length() - 1)), tags(parts[1]), tags(parts[2])));
        }
        return List.copyOf(out);
    }

    private static Set<String> tags(String s) {
        String v = s.strip();
        return v.equals("*") ? null : Set.of(v.split("\\s+"));
    }

    /** Applies every repair, in order, to the tagged tokens. */
    static void apply(List<Token> t) {
        for (Repair r : REPAIRS) {
            for (int i = 0; i < t.size(); i++) {
                if (r.applies(t, i)) {
                    t.get(i).setPos(r.to());
                }
            }
        }
    }
}
