package dev.crosscheck.extract;

import java.util.Arrays;
import java.util.List;

/**
 * Longest-match lookup of multiword phrases over tokens (a trie keyed by lower-cased token text, through the
 * words' {@link Vocabulary} numbers: the first word indexes an array, later ones a short sorted one).
 * Matching at one position costs at most the length of the longest phrase.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseMatcher<T> {

    /** A phrase found at tokens [start, end). */
    record Match<T>(int start, int end, T value) {
    }

    private static final class Node<T> {
        /** The vocabulary numbers of the words that continue a phrase here, ascending, and the nodes they lead to. */
        int[] keys = new int[0];
        Node<T>[] children = newNodes(0);
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
    /** The root's children by the vocabulary number of a phrase's first word (null where no phrase starts). */
    private Node<T>[] firstWords = newNodes(0);
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
            node = childOrNew(node, Vocabulary.intern(t.lower()));
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
            node = next(node, tokens.get(i).id());
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
                node = next(node, tokens.get(i).id());
            }
            if (node != null && node.value != null && (!caseRules || caseOk(node, tokens, start))) {
                return new Match<>(start, end, node.value);
            }
        }
        return null;
    }

    /** The node a word (by its vocabulary number) leads to from {@code node}, or null. */
    private Node<T> next(Node<T> node, int id) {
        if (id < 0) {
            return null;
        }
        if (node == root) {
            return id < firstWords.length ? firstWords[id] : null;
        }
        int k = Arrays.binarySearch(node.keys, id);
        return k >= 0 ? node.children[k] : null;
    }

    private Node<T> childOrNew(Node<T> node, int id) {
        Node<T> child = next(node, id);
        if (child != null) {
            return child;
        }
        child = new Node<>();
        if (node == root) {
            if (id >= firstWords.length) {
                firstWords = Arrays.copyOf(firstWords, Math.max(id + 1, firstWords.length * 2));
            }
            firstWords[id] = child;
            return child;
        }
        int at = -(Arrays.binarySearch(node.keys, id) + 1);
        int n = node.keys.length;
        int[] keys = new int[n + 1];
        Node<T>[] children = newNodes(n + 1);
        System.arraycopy(node.keys, 0, keys, 0, at);
        System.arraycopy(node.children, 0, children, 0, at);
        keys[at] = id;
        children[at] = child;
        System.arraycopy(node.keys, at, keys, at + 1, n - at);
        System.arraycopy(node.children, at, children, at + 1, n - at);
        node.keys = keys;
        node.children = children;
        return child;
    }

    @SuppressWarnings("unchecked")
    private static <T> Node<T>[] newNodes(int n) {
        return (Node<T>[]) new Node<?>[n];
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
