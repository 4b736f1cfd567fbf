package dev.crosscheck.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;

/**
 * The linguistic substrate: Universal Dependencies part-of-speech tags and lemmas from OpenNLP's English models
 * ({@code opennlp-models-pos-en}, {@code opennlp-models-lemmatizer-en}, trained on the English Web Treebank).
 *
 * <p>Tags are decoded greedily, one token after the other with the tags before it as context: on news text this gives
 * the same tags as the model's beam search of three (checked on the corpus: no token differs) at a third of the work.
 * Punctuation, numbers in digits and the closed-class words of fixed-tags.txt take their tag without the model
 * (about two in five tokens of news text).
 * A sentence is tagged only when a rule asks for its tags (see {@link SentenceContext#tagged()}), so sentences without
 * a figure cost nothing here. Lemmas are looked up per (word, tag) and remembered: a news vocabulary is small, and the
 * statistical lemmatizer is slow. Thread-safe: context generators and lemmatizers are per thread, the models are
 * read-only.
 */
final class Tagger {

    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LEMMA_MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
    /** Remembered lemmas at most; past this the memory is cleared and refills with the words in use. */
    private static final int MAX_LEMMAS = 100_000;
    /**
     * A sentence up to this many tokens is tagged whole; a longer "sentence" (a list, a table, a page without stops) is
     * tagged in windows of {@link #WINDOW} tokens on each side of its figures, up to {@link #MAX_TAGGED} tokens.
     */
    static final int MAX_TOKENS = 400;
    static final int WINDOW = 12;
    static final int MAX_TAGGED = 4_000;

    private static final POSModel POS = load(POS_MODEL, POSModel::new);
    private static final LemmatizerModel LEMMAS = load(LEMMA_MODEL, LemmatizerModel::new);
    private static final MaxentModel CLASSIFIER = POS.getArtifact("pos.model");
    /** The classifier's weights by feature, read once: the best tag has the largest sum of its features' weights. */
    private static final java.util.Map<String, opennlp.tools.ml.model.Context> FEATURES;
    private static final String[] OUTCOMES;
    private static final ThreadLocal<double[]> SUMS;
    /** The weights of the start of the sentence, at the first, second and third word. */
    private static final opennlp.tools.ml.model.Context[] SENTENCE_BEGIN;

    static {
        Object[] model = ((opennlp.tools.ml.model.AbstractModel) CLASSIFIER).getDataStructures();
        @SuppressWarnings("unchecked")
        java.util.Map<String, opennlp.tools.ml.model.Context> features =
                (java.util.Map<String, opennlp.tools.ml.model.Context>) model[1];
        FEATURES = features;
        OUTCOMES = (String[]) model[2];
        SUMS = ThreadLocal.withInitial(() -> new double[OUTCOMES.length]);
        SENTENCE_BEGIN = new opennlp.tools.ml.model.Context[] {FEATURES.get("S=begin"), FEATURES.get("p1S=begin"),
            FEATURES.get("p2S=begin")};
    }
    private static final ThreadLocal<POSContextGenerator> CONTEXTS =
            ThreadLocal.withInitial(() -> POS.getFactory().getPOSContextGenerator(0));
    private static final ThreadLocal<LemmatizerME> LEMMATIZERS = ThreadLocal.withInitial(() -> new LemmatizerME(LEMMAS));
    private static final ConcurrentHashMap<String, String> LEMMA_MEMORY = new ConcurrentHashMap<>();
    /** Each word's weights, by the word as written (bounded like the lemmas). */
    private static final ConcurrentHashMap<String, WordWeights> WORD_WEIGHTS = new ConcurrentHashMap<>();
    /** The weights of "the tag before is T" and "the two tags before are T1,T2", by T or "T1,T2". */
    private static final ConcurrentHashMap<String, Optional<opennlp.tools.ml.model.Context>> TAG_CONTEXTS =
            new ConcurrentHashMap<>();
    private static final int MAX_WORDS = 50_000;
    /** Words tagged without the model (fixed-tags.txt), by lower-cased word. */
    private static final java.util.Map<String, String> FIXED = new java.util.HashMap<>();
    private static final String PUNCT = "PUNCT";
    private static final String NUM = "NUM";

    static {
        for (Lexicon.Entry e : Lexicon.entries("fixed-tags.txt")) {
            for (String w : e.items()) {
                FIXED.put(w.toLowerCase(Locale.ROOT), e.head().intern());
            }
        }
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Reader<T> reader) {
        try (InputStream in = Tagger.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenNLP model " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }

    private Tagger() {
    }

    /** Loads both models and tags a sentence, so that a snapshot or a warm-up leaves nothing to load later. */
    static void prime() {
        List<Token> t = Tokenizer.tokenize("At least 93 people died, officials said on Saturday.", 0);
        tag(t);
        for (Token k : t) {
            k.lemma();
        }
    }

    /**
     * Sets the part-of-speech tag of every token; in a sentence longer than {@link #MAX_TOKENS}, of the tokens around
     * its figures (the others are tagged X).
     */
    static void tag(List<Token> tokens) {
        boolean[] anchors = new boolean[tokens.size()];
        java.util.Arrays.fill(anchors, true);
        tag(tokens, anchors);
    }

    /**
     * Tags the tokens within {@link #WINDOW} of an anchor (a figure, a citation: what the rules read around); the
     * others are tagged X. A window is tagged as a sentence of its own, so a far token's tag cannot change it.
     */
    static void tag(List<Token> tokens, boolean[] anchors) {
        for (Token k : tokens) {
            k.setPos("X");
        }
        // the union of [anchor - WINDOW, anchor + WINDOW], each run of overlapping windows tagged as one
        int tagged = 0;
        int from = -1;
        int to = -1;
        for (int i = 0; i <= tokens.size() && tagged < MAX_TAGGED; i++) {
            if (i < tokens.size() && !anchors[i]) {
                continue;
            }
            int start = i < tokens.size() ? Math.max(0, i - WINDOW) : Integer.MAX_VALUE;
            if (from >= 0 && start > to) {
                tag(tokens, from, to);
                tagged += to - from;
                from = -1;
            }
            if (i == tokens.size()) {
                break;
            }
            if (from < 0) {
                from = start;
            }
            to = Math.min(Math.min(tokens.size(), i + WINDOW + 1), from + MAX_TAGGED - tagged);
            if (to - from >= MAX_TAGGED - tagged) {
                tag(tokens, from, to); // the budget of tagged tokens is spent: the rest stays X
                return;
            }
        }
    }


    /** Tags tokens [from, to) as a sentence of their own. */
    private static void tag(List<Token> tokens, int from, int to) {
        int n = to - from;
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = tokens.get(from + i).text();
        }
        String[] tags = new String[n];
        WordWeights[] weights = new WordWeights[n];
        for (int i = 0; i < n; i++) {
            weights[i] = weights(words, i, tags);
        }
        double[] sums = SUMS.get();
        for (int i = 0; i < n; i++) {
            Token k = tokens.get(from + i);
            String fixed = fixedTag(k);
            if (fixed != null) {
                tags[i] = fixed; // a word whose tag never depends on its context: no model run
            } else {
                // the features the model's context generator gives (checked against it in the tests): the word's
                // own, its neighbours' forms two either side, the start of the sentence, the two tags before
                System.arraycopy(weights[i].own(), 0, sums, 0, sums.length);
                if (i >= 1) {
                    add(sums, weights[i - 1].before1());
                    add(sums, tagContext(tags[i - 1]));
                }
                if (i >= 2) {
                    add(sums, weights[i - 2].before2());
                    add(sums, tagPairContext(tags[i - 2], tags[i - 1]));
                }
                if (i + 1 < n) {
                    add(sums, weights[i + 1].after1());
                }
                if (i + 2 < n) {
                    add(sums, weights[i + 2].after2());
                }
                if (i < SENTENCE_BEGIN.length) {
                    add(sums, SENTENCE_BEGIN[i]);
                }
                tags[i] = argmax(sums);
            }
            k.setPos(tags[i]);
        }
    }

    /** The tag a token takes whatever its context (punctuation, digits, fixed-tags.txt); null when the model decides. */
    static String fixedTag(Token k) {
        return k.kind() == Token.Kind.PUNCT ? PUNCT : k.isNumber() ? NUM : FIXED.get(k.lower());
    }

    /**
     * A word's weights: of its own features (form, prefixes, suffixes, case class; the same wherever it stands), summed,
     * and of its form as the neighbour one or two places before or after the word being tagged.
     */
    private record WordWeights(double[] own, opennlp.tools.ml.model.Context before1,
                               opennlp.tools.ml.model.Context before2, opennlp.tools.ml.model.Context after1,
                               opennlp.tools.ml.model.Context after2) {
    }

    private static WordWeights weights(String[] words, int i, String[] tags) {
        WordWeights known = WORD_WEIGHTS.get(words[i]);
        if (known != null) {
            return known;
        }
        double[] own = new double[OUTCOMES.length];
        for (String f : CONTEXTS.get().getContext(i, words, tags, null)) {
            if (ownFeature(f)) {
                add(own, FEATURES.get(f));
            }
        }
        String lower = opennlp.tools.util.StringUtil.toLowerCase(words[i]);
        WordWeights w = new WordWeights(own, FEATURES.get("p1w=" + lower), FEATURES.get("p2w=" + lower),
                FEATURES.get("n1w=" + lower), FEATURES.get("n2w=" + lower));
        if (WORD_WEIGHTS.size() >= MAX_WORDS) {
            WORD_WEIGHTS.clear();
        }
        WORD_WEIGHTS.put(words[i], w);
        return w;
    }

    private static opennlp.tools.ml.model.Context tagContext(String tag) {
        return TAG_CONTEXTS.computeIfAbsent(tag, t -> Optional.ofNullable(FEATURES.get("t=" + t))).orElse(null);
    }

    private static opennlp.tools.ml.model.Context tagPairContext(String first, String second) {
        return TAG_CONTEXTS.computeIfAbsent(first + ',' + second,
                t -> Optional.ofNullable(FEATURES.get("t2=" + t))).orElse(null);
    }

    /**
     * The tag of the largest score: the sum of the weights of the features present. A maximum-entropy model's
     * probabilities are the exponentials of these sums, normalized: their order is the same, so the exponentials,
     * the prior and the normalization, most of the model's own evaluation, are not computed.
     */
    static String best(String[] features) {
        double[] sums = SUMS.get();
        java.util.Arrays.fill(sums, 0);
        for (String f : features) {
            add(sums, FEATURES.get(f));
        }
        return argmax(sums);
    }


    /** A feature of the word alone: "def", "w=", "wc=", "w&c=", "pre=", "suf=" (not "p1w=", "t=", "S=begin"). */
    static boolean ownFeature(String f) {
        return f.startsWith("w=") || f.startsWith("wc=") || f.startsWith("w&c=") || f.startsWith("pre=")
                || f.startsWith("suf=") || f.equals("def");
    }

    private static void add(double[] sums, opennlp.tools.ml.model.Context weights) {
        if (weights == null) {
            return;
        }
        int[] outcomes = weights.getOutcomes();
        double[] parameters = weights.getParameters();
        for (int j = 0; j < outcomes.length; j++) {
            sums[outcomes[j]] += parameters[j];
        }
    }

    private static String argmax(double[] sums) {
        int best = 0;
        for (int o = 1; o < sums.length; o++) {
            if (sums[o] > sums[best]) {
                best = o;
            }
        }
        return OUTCOMES[best];
    }

    /** The model's own choice of tag for a set of features (the reference {@link #best} is checked against). */
    static String bestByModel(String[] features) {
        return CLASSIFIER.getBestOutcome(CLASSIFIER.eval(features));
    }

    /** The lemma of a word with a tag, lower-cased ("died"/VERB is "die", "people"/NOUN is "people"). */
    static String lemma(String lower, String pos) {
        String key = pos + ' ' + lower;
        String known = LEMMA_MEMORY.get(key);
        if (known != null) {
            return known;
        }
        String lemma = LEMMATIZERS.get().lemmatize(new String[] {lower}, new String[] {pos})[0];
        if (lemma == null || lemma.isEmpty() || lemma.equals("O")) {
            lemma = lower;
        }
        lemma = lemma.toLowerCase(Locale.ROOT);
        int n = lower.length();
        if (pos.equals("VERB") && n >= 6 && lower.endsWith("ed") && !lower.startsWith(lemma)
                && lower.charAt(n - 3) == lower.charAt(n - 4) && "aeiou".indexOf(lower.charAt(n - 3)) < 0) {
            lemma = lower.substring(0, n - 3); // "pegged": the model's "pegd" is no word; a doubled consonant is "peg"
        } else if (pos.equals("VERB") && n >= 5 && lower.endsWith("ed") && !lower.startsWith(lemma)
                && "aeiou".indexOf(lower.charAt(n - 3)) < 0 && "aeiou".indexOf(lower.charAt(n - 4)) >= 0) {
            lemma = lower.substring(0, n - 1); // "wiped": the model's "wid" is no word; a silent e before "d" is "wipe"
        }
        if (LEMMA_MEMORY.size() >= MAX_LEMMAS) {
            LEMMA_MEMORY.clear();
        }
        LEMMA_MEMORY.put(key, lemma);
        return lemma;
    }
}
