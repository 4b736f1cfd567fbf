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
    /** Tokens tagged at most per sentence; a longer "sentence" (a list, a table) is tagged in its first part only. */
    static final int MAX_TOKENS = 400;

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

    /** Sets the part-of-speech tag of every token (of the first {@link #MAX_TOKENS}; the rest are tagged X). */
    static void tag(List<Token> tokens) {
        int n = Math.min(tokens.size(), MAX_TOKENS);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = tokens.get(i).text();
        }
        String[] tags = new String[n];
        POSContextGenerator contexts = CONTEXTS.get();
        for (int i = 0; i < n; i++) {
            double[] p = CLASSIFIER.eval(contexts.getContext(i, words, tags, null));
            tags[i] = CLASSIFIER.getBestOutcome(p);
            tokens.get(i).setPos(tags[i]);
        }
        for (int i = n; i < tokens.size(); i++) {
            tokens.get(i).setPos("X");
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
