package dev.crosscheck.web;

/**
 * A small HTML writer. Element and attribute names are the caller's constants; every text and attribute value goes
 * through {@link #escape}, the one escaping function of the page, so text from an article can never become markup.
 * The only unescaped output is {@link #trusted}, for the page's own stylesheet and script.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /**
     * Text made safe for an HTML text node and for a double- or single-quoted attribute value: {@code & < > " '}
     * become character references; control characters other than tab, line feed and carriage return, and lone
     * surrogates, become U+FFFD (the HTML parser would otherwise report or alter them). Null is the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                        yield "\uFFFD";
                    }
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        yield null;
                    }
                    if (Character.isSurrogate(c) && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(text.charAt(i - 1)))) {
                        yield "\uFFFD";
                    }
                    yield null;
                }
            };
            if (replacement != null) {
                if (s == null) {
                    s = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                s.append(replacement);
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    /** Opens an element; {@code attributes} are name/value pairs, a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** An element without content ({@code <meta>}, {@code <input>}). */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element holding only escaped text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** The page's own resources (stylesheet, script) and fixed markup; never anything from a request or a store. */
    Html trusted(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(attributes[i]);
            if (!value.isEmpty() || !BOOLEAN.contains(attributes[i])) {
                out.append("=\"").append(escape(value)).append('"');
            }
        }
    }

    private static final java.util.Set<String> BOOLEAN = java.util.Set.of("hidden", "open", "selected", "checked");

    @Override
    public String toString() {
        return out.toString();
    }
}
