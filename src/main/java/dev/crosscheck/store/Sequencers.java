package dev.crosscheck.store;

import java.util.Locale;

/**
 * S3 event sequencers order the events of one key: S3 documents comparing them as hexadecimal strings after padding
 * the shorter with leading zeros. We store them left-padded to a fixed width, so DynamoDB's string comparison in a
 * condition expression orders them correctly.
 */
public final class Sequencers {

    static final int WIDTH = 32;
    /** Marks a derived sequencer: sorts after every hexadecimal digit. */
    private static final char DERIVED = '~';

    private Sequencers() {
    }

    /**
     * The sequencer padded to a fixed width, upper case; null or blank becomes all zeros (orders before any real one).
     * A derived sequencer ({@link #withSidecar}, {@link #after}: it holds a '~') is already in stored form.
     */
    public static String normalize(String sequencer) {
        if (sequencer != null && sequencer.indexOf(DERIVED) == WIDTH) {
            return sequencer;
        }
        String s = sequencer == null ? "" : sequencer.trim().toUpperCase(Locale.ROOT);
        if (s.length() > WIDTH) {
            throw new IllegalArgumentException("sequencer longer than " + WIDTH + " characters: " + sequencer);
        }
        return "0".repeat(WIDTH - s.length()) + s;
    }

    /**
     * The order of a document re-read because its metadata sidecar changed: after the document's own event
     * ({@code documentSequencer}, stored, possibly already of such a re-reading) and before any later event of the
     * document's key, and among re-readings of the same document event by the sidecar's event ({@code
     * sidecarSequencer}, comparable with the sidecar's other events only). '~' sorts after every hexadecimal digit.
     */
    public static String withSidecar(String documentSequencer, String sidecarSequencer) {
        String own = documentSequencer.length() > WIDTH ? documentSequencer.substring(0, WIDTH)
                : normalize(documentSequencer);
        return own + DERIVED + normalize(sidecarSequencer);
    }

    /**
     * The order of a document read again without an event of its own (reconciliation found it out of step, or its
     * sidecar changed while it was read): after {@code stored} (the sequencer it holds, in stored form) and before any
     * later event of its key and any re-reading for a later event of its sidecar. A derived sequencer has the form
     * {@code DOC~SIDECAR} followed by one '~' per such re-reading; '~' sorts after every hexadecimal digit, so each
     * appended '~' orders after what it extends and before a larger sidecar or document sequencer.
     */
    public static String after(String stored) {
        String s = normalize(stored);
        return (s.length() == WIDTH ? s + DERIVED + "0".repeat(WIDTH) : s) + DERIVED;
    }
}
