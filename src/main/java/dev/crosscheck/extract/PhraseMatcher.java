package dev.crosscheck.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Longest-match lookup of multiword phrases over tokens (a trie keyed by lower-cased token text).
 * Matching at one position costs at most the length of the longest phrase.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseMatcher<T> {

    /** A phrase found at tokens [start, end). */
    record Match<T>(int start, int end, T value) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>(4);
        T value;
        /** The phrase as written in the data file, its case rules applied when matching. */
        List<Token> phrase;
        /** Per phrase token: the text a token must equal exactly (a word in capitals), else null. */
        String[] exact;
        /** Per phrase token: whether the text token must start with a capital. */
        boolean[] upper;
        /** Whether any phrase token carries a case rule (checked once, when the phrase is added). */
        boolean constrained;
    }

    private final Node<T> root = new Node<>();
    private final boolean caseRules;

    /**
     * @param caseRules when true a phrase token written with a capital only matches a capitalized text token,
     *                  and one written all in capitals only matches exactly ("US" is not "us")
     */
    PhraseMatcher(boolean caseRules) {
        this.caseRules = caseRules;
    }

    PhraseMatcher<T> add(String phrase, T value) {
        List<Token> tokens = Tokenizer.tokenize(phrase, 0);
        if (tokens.isEmpty()) {
            return this;
        }
        Node<T> node = root;
        for (Token t : tokens) {
            node = node.next.computeIfAbsent(t.lower(), k -> new Node<>());
        }
        if (node.value == null) {
            node.value = value;
            node.phrase = tokens;
            node.exact = new String[tokens.size()];
            node.upper = new boolean[tokens.size()];
            for (int k = 0; k < tokens.size(); k++) {
                String p = tokens.get(k).text();
                if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
                    continue;
                }
                if (p.length() > 1 && p.equals(p.toUpperCase(java.util.Locale.ROOT))) {
                    node.exact[k] = p;
                    node.constrained = true;
                }
                if (Character.isUpperCase(p.charAt(0))) {
                    node.upper[k] = true;
                    node.constrained = true;
                }
            }
        }
        return this;
    }

    Match<T> match(List<Token> tokens, int start) {
        Node<T> node = root;
        Match<T> best = null;
        for (int i = start; i < tokens.size(); i++) {
            node = node.next.get(tokens.get(i).lower());
            if (node == null) {
                break;
            }
            if (node.value != null && (!caseRules || caseOk(node, tokens, start))) {
                best = new Match<>(start, i + 1, node.value);
            }
        }
        return best;
    }

    /** The phrase that ends exactly before token {@code end}, longest first (bounded by {@code maxLen} tokens). */
    Match<T> matchEndingAt(List<Token> tokens, int end, int maxLen) {
        for (int len = Math.min(maxLen, end); len >= 1; len--) {
            int start = end - len;
            Node<T> node = root;
            for (int i = start; i < end && node != null; i++) {
                node = node.next.get(tokens.get(i).lower());
            }
            if (node != null && node.value != null && (!caseRules || caseOk(node, tokens, start))) {
                return new Match<>(start, end, node.value);
            }
        }
        return null;
    }

    private static <T> boolean caseOk(Node<T> node, List<Token> tokens, int start) {
        if (!node.constrained) {
            return true;
        }
        for (int k = 0; k < node.exact.length; k++) {
            String t = tokens.get(start + k).text();
            if (node.exact[k] != null && !node.exact[k].equals(t)) {
                return false;
            }
            if (node.upper[k] && !Character.isUpperCase(t.charAt(0))) {
                return false;
            }
        }
        return true;
    }
}
