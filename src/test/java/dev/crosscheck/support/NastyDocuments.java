package dev.crosscheck.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The nasty documents of {@code src/test/resources/dev/crosscheck/nasty/} and the outcome each must get
 * ({@code outcomes.tsv}): the reader's tests and the ingest function's tests run the same table.
 */
public final class NastyDocuments {

    private static final String FOLDER = "/dev/crosscheck/nasty/";
    private static final String GENERATED = "generated:";

    /** The largest document accepted (DocumentReader.DEFAULT_MAX_BYTES). */
    public static final int LIMIT = 5 * 1024 * 1024;

    /**
     * One row of the table.
     *
     * @param detail      for a rejection the reason; for an acceptance a text the document must contain
     * @param mustNotHave for an acceptance, text the document must not contain, or null
     */
    public record Case(String file, boolean accepted, String detail, String mustNotHave) {

        public String name() {
            return file.startsWith(GENERATED) ? file.substring(GENERATED.length()) : file;
        }

        public byte[] content() throws IOException {
            return file.startsWith(GENERATED) ? generate(name()) : resource(file);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private NastyDocuments() {
    }

    public static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : new String(resource("outcomes.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 3 || !(c[1].equals("accepted") || c[1].equals("rejected"))) {
                throw new IllegalStateException("bad row in outcomes.tsv: " + Arrays.toString(c));
            }
            cases.add(new Case(c[0], c[1].equals("accepted"), unescape(c[2]), c.length > 3 ? unescape(c[3]) : null));
        }
        return cases;
    }

    /** The documents too large to commit, built the same way every time. */
    static byte[] generate(String name) {
        return switch (name) {
            // one byte over the limit, in plain sentences: refused for its size alone
            case "too-large.txt" -> fill("The council met on Monday. ", LIMIT + 1);
            // one paragraph of 1 MB: no line break at all
            case "one-megabyte-line.txt" -> fill("The minister said the talks would resume on Monday. ", 1 << 20);
            // 10,000 nested elements around one sentence
            case "deeply-nested.html" -> ("<html><head><title>Nested</title></head><body>" + "<div>".repeat(10_000)
                    + "<p>The only sentence in the page.</p>" + "</div>".repeat(10_000) + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("no generator for " + name);
        };
    }

    private static byte[] fill(String unit, int size) {
        byte[] u = unit.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = u[i % u.length];
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NastyDocuments.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("missing nasty document " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Decodes the \\uXXXX escapes of the table. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
