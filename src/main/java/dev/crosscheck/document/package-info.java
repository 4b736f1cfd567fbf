/**
 * Reading uploaded articles. {@link dev.crosscheck.document.DocumentReader} turns the bytes of a text, Markdown or
 * HTML article into a {@link dev.crosscheck.document.Document}: normalized text (ASCII quotes and dashes, single
 * spaces, paragraphs separated by a blank line), its sentences with offsets into that text, paragraph index and
 * section (headline, caption, body), and its publication date and publisher with where each came from.
 *
 * <p>The word lists the reader relies on are data files under {@code src/main/resources/document}:
 * {@code abbreviations.txt} and {@code time-followers.txt} (sentence splitting), {@code caption-markers.txt}
 * (photo credits), {@code trailer-markers.txt} and {@code dropped-lines.txt} (page furniture in text),
 * {@code boilerplate-names.txt} (page furniture in HTML), {@code news-agencies.txt} and {@code months.txt}
 * (datelines).
 */
package dev.crosscheck.document;
