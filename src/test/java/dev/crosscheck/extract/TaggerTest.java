package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tagger's shortcuts give the model's own tags. */
class TaggerTest {

    private static final List<String> SENTENCES = List.of(
            "At least 93 people were confirmed dead after the fire swept through the town, the county said on Saturday.",
            "The agency put the magnitude at 6.8, while the national institute gave 7.0.",
            "Labour won 411 seats, the Conservatives 121 and the Liberal Democrats 72.",
            "Shares of the bank fell 60% on Thursday as customers pulled $42 billion in deposits.",
            "Governor Ana Ruiz said more than 1,000 people remained unaccounted for, and the mayor put the figure at 850.",
            "The two leaders met for about four hours and signed 14 agreements.");

    @Test
    void theBestTagBySummedWeightsIsTheModelsChoice() throws java.io.IOException {
        var contexts = new opennlp.tools.postag.POSModel(Tagger.class.getResourceAsStream(
                "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")).getFactory().getPOSContextGenerator(0);
        for (String s : SENTENCES) {
            List<Token> t = Tokenizer.tokenize(s, 0);
            String[] words = t.stream().map(Token::text).toArray(String[]::new);
            String[] tags = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                String[] features = contexts.getContext(i, words, tags, null);
                assertEquals(Tagger.bestByModel(features), Tagger.best(features), s + ": " + words[i]);
                tags[i] = Tagger.bestByModel(features);
            }
        }
    }

    /**
     * The tagger sums per-word weights instead of running the model's context generator at every token: on every
     * sentence of the example tables, twice (words seen before and words new to it), its tags are the model's own,
     * decided from the generator's features in order.
     */
    @Test
    void theTaggersFeaturesAreTheContextGeneratorsOnEveryExampleSentence() throws Exception {
        var contexts = new opennlp.tools.postag.POSModel(Tagger.class.getResourceAsStream(
                "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")).getFactory().getPOSContextGenerator(0);
        java.util.Set<String> sentences = new java.util.LinkedHashSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/dev/crosscheck/extract/examples"))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        sentences.add(line.split("\t")[0]);
                    }
                }
            }
        }
        assertTrue(sentences.size() > 200, "the example tables' sentences: " + sentences.size());
        int tokens = 0;
        for (int round = 0; round < 2; round++) {
            for (String s : sentences) {
                List<Token> t = Tokenizer.tokenize(s, 0);
                Tagger.tag(t);
                String[] words = t.stream().map(Token::text).toArray(String[]::new);
                String[] tags = new String[words.length];
                for (int i = 0; i < words.length; i++) {
                    String fixed = Tagger.fixedTag(t.get(i));
                    tags[i] = fixed != null ? fixed : Tagger.bestByModel(contexts.getContext(i, words, tags, null));
                    assertEquals(tags[i], t.get(i).pos(), s + ": " + words[i]);
                    tokens++;
                }
            }
        }
        assertTrue(tokens > 2000, "tokens compared: " + tokens);
    }

    @Test
    void fixedWordsTakeTheirTagAndTheOthersAreTagged() {
        List<Token> t = Tokenizer.tokenize("The toll rose to 93 in the town, officials said.", 0);
        Tagger.tag(t);
        assertEquals("DET", t.get(0).pos());
        assertEquals("NUM", t.get(4).pos());
        assertEquals("PUNCT", t.get(8).pos());
        assertEquals("NOUN", t.get(1).pos());
        assertEquals("die", Tagger.lemma("died", "VERB"));
    }

    @Test
    void aLongSentenceIsTaggedAroundItsAnchorsOnly() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            b.append("the talks went on and on ");
        }
        b.append("and 14 agreements were signed");
        List<Token> t = Tokenizer.tokenize(b.toString(), 0);
        boolean[] anchors = new boolean[t.size()];
        int number = t.size() - 4;
        anchors[number] = true;
        Tagger.tag(t, anchors);
        assertEquals("X", t.get(0).pos(), "far from the figure: untagged");
        assertEquals("NUM", t.get(number).pos());
        assertEquals("NOUN", t.get(number + 1).pos());
    }
}
