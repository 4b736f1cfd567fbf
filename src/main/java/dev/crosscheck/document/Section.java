package dev.crosscheck.document;

/** Which part of an article a sentence belongs to. Headlines and captions are kept apart from the body. */
public enum Section {
    HEADLINE, CAPTION, BODY
}
