package dev.crosscheck.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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
    static final int WINDOW = 30;
    static final int MAX_TAGGED = 4_000;

    private static final POSModel POS = load(POS_MODEL, POSModel::new);
    private static final LemmatizerModel LEMMAS = load(LEMMA_MODEL, LemmatizerModel::new);
    private static final MaxentModel CLASSIFIER = POS.getArtifact("pos.model");
    private static final ThreadLocal<POSContextGenerator> CONTEXTS =
            ThreadLocal.withInitial(() -> POS.getFactory().getPOSContextGenerator(0));
    private static final ThreadLocal<LemmatizerME> LEMMATIZERS = ThreadLocal.withInitial(() -> new LemmatizerME(LEMMAS));
    private static final ConcurrentHashMap<String, String> LEMMA_MEMORY = new ConcurrentHashMap<>();

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
        if (tokens.size() <= MAX_TOKENS) {
            tag(tokens, 0, tokens.size());
            return;
        }
        for (Token k : tokens) {
            k.setPos("X");
        }
        int tagged = 0;
        int covered = 0;
        for (int i = 0; i < tokens.size() && tagged < MAX_TAGGED; i++) {
            if (!tokens.get(i).isNumber() || i < covered) {
                continue;
            }
            int from = Math.max(covered, i - WINDOW);
            int to = Math.min(tokens.size(), i + WINDOW);
            tag(tokens, from, to);
            tagged += to - from;
            covered = to;
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
        POSContextGenerator contexts = CONTEXTS.get();
        for (int i = 0; i < n; i++) {
            double[] p = CLASSIFIER.eval(contexts.getContext(i, words, tags, null));
            tags[i] = CLASSIFIER.getBestOutcome(p);
            tokens.get(from + i).setPos(tags[i]);
        }
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
        if (LEMMA_MEMORY.size() >= MAX_LEMMAS) {
            LEMMA_MEMORY.clear();
        }
        LEMMA_MEMORY.put(key, lemma);
        return lemma;
    }
}
