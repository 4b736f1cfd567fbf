package dev.crosscheck.compare;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A small fingerprint of a document's text that tells how much of it another document repeats: a MinHash signature
 * of its word 5-grams ({@value #SIZE} minimums of independent 64-bit hashes) and their number. Two prints estimate
 * the Jaccard similarity J of the two sets of 5-grams; the share of this text's 5-grams found in the other's is then
 * {@code J (|A| + |B|) / ((1 + J) |A|)}. A republished wire story with light edits shares most of its 5-grams with
 * the original, an independent report on the same event shares few: names and figures recur, runs of five words
 * rarely do.
 *
 * <p>Stored with the document as text ({@link #encode()}: the 5-gram count, a colon and the signature in base64, about
 * 700 characters), so the comparison needs no document text.
 */
public record TextPrint(int shingles, long[] signature) {

    /** Minimums kept: the estimate's standard error is about {@code sqrt(J(1-J)/SIZE)}, under 0.07 here. */
    static final int SIZE = 64;
    private static final int WORDS = 5;
    private static final long[] SEEDS = new long[SIZE];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            x = mix(x + 0x632BE59BD9B4E019L);
            SEEDS[i] = x;
        }
    }

    /** The print of a text; words are runs of letters and digits, compared in lower case. */
    public static TextPrint of(String text) {
        long[] sig = new long[SIZE];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        long[] window = new long[WORDS];
        int words = 0;
        int count = 0;
        int n = text == null ? 0 : text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            long h = 0xCBF29CE484222325L;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001B3L;
                i++;
            }
            window[words % WORDS] = h;
            words++;
            if (words < WORDS) {
                continue;
            }
            long shingle = 0;
            for (int k = 0; k < WORDS; k++) {
                shingle = mix(shingle * 31 + window[(words + k) % WORDS]);
            }
            count++;
            for (int s = 0; s < SIZE; s++) {
                long v = mix(shingle ^ SEEDS[s]);
                if (v < sig[s]) {
                    sig[s] = v;
                }
            }
        }
        return new TextPrint(count, sig);
    }

    /** The share of this text's 5-grams that {@code other} contains too, estimated; 0 when either text is empty. */
    public double containedIn(TextPrint other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int same = 0;
        for (int s = 0; s < SIZE; s++) {
            if (signature[s] == other.signature[s]) {
                same++;
            }
        }
        double j = same / (double) SIZE;
        double shared = j * (shingles + other.shingles) / (1 + j);
        return Math.min(1, shared / shingles);
    }

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE * Long.BYTES);
        for (long v : signature) {
            b.putLong(v);
        }
        return shingles + ":" + Base64.getEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The print written by {@link #encode()}, or null when the text is not one. */
    public static TextPrint decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        int colon = encoded.indexOf(':');
        try {
            int count = Integer.parseInt(encoded.substring(0, colon));
            byte[] bytes = Base64.getDecoder().decode(encoded.substring(colon + 1));
            if (bytes.length != SIZE * Long.BYTES) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long[] sig = new long[SIZE];
            for (int s = 0; s < SIZE; s++) {
                sig[s] = b.getLong();
            }
            return new TextPrint(count, sig);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A 64-bit finalizer (SplitMix64's). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextPrint p && p.shingles == shingles && java.util.Arrays.equals(p.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * shingles + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "TextPrint[" + shingles + " shingles]";
    }
}
