package dev.crosscheck.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns uploaded bytes into text, or says why they are not a readable article: empty, too large, or binary.
 * UTF-8 (with or without byte order mark) and UTF-16 (with a byte order mark, or without one when the pattern of
 * NUL bytes makes it plain) are decoded; bytes that are not
 * UTF-8 at all are read as Windows-1252 (the usual legacy encoding of Western news pages); stray invalid
 * bytes in otherwise UTF-8 text become U+FFFD. Never throws.
 */
final class ContentDecoder {

    /** Either the decoded text or the reason it was refused. */
    record Decoded(String text, String rejection) {
        static Decoded rejected(String reason) {
            return new Decoded(null, reason);
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Above this share of control or replacement characters the content is taken for binary, once there are at
     * least {@link #MIN_CONTROL_COUNT} of them (a stray control character in a short text is noise, not binary);
     * above {@link #MAX_CONTROL_SHARE_SHORT} whatever the count.
     */
    private static final double MAX_CONTROL_SHARE = 0.05;
    private static final int MIN_CONTROL_COUNT = 16;
    private static final double MAX_CONTROL_SHARE_SHORT = 0.3;

    private ContentDecoder() {
    }

    static String tooLarge(long bytes, long maxBytes) {
        return "too large: " + bytes + " bytes > limit " + maxBytes;
    }

    static Decoded decode(byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            return Decoded.rejected("empty document");
        }
        if (content.length > maxBytes) {
            return Decoded.rejected(tooLarge(content.length, maxBytes));
        }
        String text;
        if (startsWith(content, 0xFF, 0xFE)) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(content, 0xFE, 0xFF)) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        } else {
            String magic = binaryMagic(content);
            if (magic != null) {
                return Decoded.rejected("binary content (" + magic + ")");
            }
            Charset utf16 = utf16WithoutMark(content);
            if (utf16 != null) {
                text = new String(content, utf16);
            } else {
                boolean ascii = true;
                for (byte b : content) {
                    if (b == 0) {
                        return Decoded.rejected("binary content (NUL bytes)");
                    }
                    ascii &= b > 0;
                }
                int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
                // ASCII is valid UTF-8 and decodes to itself: no decoder needed
                text = ascii ? new String(content, StandardCharsets.US_ASCII) : decodeUtf8OrLegacy(content, offset);
            }
        }
        if (looksBinary(text)) {
            return Decoded.rejected("binary content (control characters)");
        }
        if (!TextNormalizer.hasLetterOrDigit(text) && TextNormalizer.normalize(text).isEmpty()) {
            return Decoded.rejected("empty document");
        }
        return new Decoded(text, null);
    }

    private static String decodeUtf8OrLegacy(byte[] content, int offset) {
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(content, offset, content.length - offset, StandardCharsets.UTF_8);
            // Invalid UTF-8 and not a single valid multi-byte sequence: a legacy single-byte encoding.
            boolean anyValidMultiByte = lenient.chars().anyMatch(c -> c >= 0x80 && c != 0xFFFD);
            return anyValidMultiByte ? lenient : new String(content, offset, content.length - offset, WINDOWS_1252);
        }
    }

    /**
     * UTF-16 text saved without a byte order mark: mostly Latin script, so nearly every high byte (odd positions in
     * little-endian, even ones in big-endian) is NUL and no low byte is.
     */
    private static Charset utf16WithoutMark(byte[] b) {
        int pairs = Math.min(b.length, 4096) / 2;
        if (pairs < 4 || b.length % 2 != 0) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (b[i] == 0) {
                evenNul++;
            }
            if (b[i + 1] == 0) {
                oddNul++;
            }
        }
        if (oddNul >= 0.9 * pairs && evenNul == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul >= 0.9 * pairs && oddNul == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String binaryMagic(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "PDF";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "PNG";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "ZIP";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksBinary(String text) {
        int bad = controlCount(text);
        double share = text.isEmpty() ? 0 : (double) bad / text.length();
        return share > MAX_CONTROL_SHARE_SHORT || bad >= MIN_CONTROL_COUNT && share > MAX_CONTROL_SHARE;
    }

    private static int controlCount(String text) {
        int n = text.length();
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0 || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f'
                    && c != '\u000B' && c != '\u0085') {
                bad++;
            }
        }
        return bad;
    }
}
