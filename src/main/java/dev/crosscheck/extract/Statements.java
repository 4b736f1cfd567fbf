package dev.crosscheck.extract;

final class Statements {
    private Statements() {
    }

    static void apply(SentenceContext c) {
    }
}
