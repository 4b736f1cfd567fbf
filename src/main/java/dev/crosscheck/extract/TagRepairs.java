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

    /** Tags (or, written /pattern/, words as written) a neighbour may have; null for any. */
    private record Around(Set<String> tags, List<Pattern> words) {
        boolean accepts(Token w) {
            if (w == null) {
                return tags.contains(EDGE); // "^": the sentence's first word has nothing before it
            }
            if (w.pos() == null) {
                return false;
            }
            if (tags.contains(w.pos())) {
                return true;
            }
            for (Pattern p : words) {
                if (p.matcher(w.text()).matches()) {
                    return true; // a word given by its pattern: "Rs"
                }
            }
            return false;
        }
    }

    /** The tag of no neighbour: before the sentence's first word, after its last. */
    private static final String EDGE = "^";

    private record Repair(String to, String from, Pattern word, Around before, Around after, Around then) {
        boolean applies(List<Token> t, int i) {
            Token w = t.get(i);
            // the tags first, the word's pattern last: most tokens fail on a tag, and a pattern match allocates
            return w.pos(from)
                    && (before == null || before.accepts(i > 0 ? t.get(i - 1) : null))
                    && (after == null || after.accepts(i + 1 < t.size() ? t.get(i + 1) : null))
                    && (then == null || then.accepts(i + 2 < t.size() ? t.get(i + 2) : null))
                    && word.matcher(w.text()).matches();
        }
    }

    private static final List<Repair> REPAIRS = load();

    private TagRepairs() {
    }

    private static List<Repair> load() {
        List<Repair> out = new ArrayList<>();
        for (String line : Lexicon.lines("tag-repairs.txt")) {
            int colon = line.indexOf(": ");
            String[] parts = colon < 0 ? new String[0] : line.substring(colon + 2).split(" \\| ");
            String[] head = parts.length == 3 || parts.length == 4 ? parts[0].strip().split("\\s+", 2) : new String[0];
            if (head.length != 2 || !head[1].startsWith("/") || !head[1].endsWith("/")) {
                throw new IllegalStateException(
                        "tag-repairs.txt: expected 'NEW: TAG /word/ | before | after [| then]' in " + line);
            }
            out.add(new Repair(line.substring(0, colon).strip(), head[0],
                    Pattern.compile(head[1].substring(1, head[1].length() - 1)), around(parts[1]), around(parts[2]),
                    parts.length == 4 ? around(parts[3]) : null));
        }
        return List.copyOf(out);
    }

    private static Around around(String s) {
        String v = s.strip();
        if (v.equals("*")) {
            return null;
        }
        Set<String> tags = new java.util.HashSet<>();
        List<Pattern> words = new ArrayList<>();
        for (String item : v.split("\\s+")) {
            if (item.length() > 2 && item.startsWith("/") && item.endsWith("/")) {
                words.add(Pattern.compile(item.substring(1, item.length() - 1)));
            } else {
                tags.add(item);
            }
        }
        return new Around(Set.copyOf(tags), List.copyOf(words));
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
