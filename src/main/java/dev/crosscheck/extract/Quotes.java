package dev.crosscheck.extract;

final class Quotes {
    private Quotes() {
    }

    static void apply(SentenceContext c) {
    }
}
