package dev.crosscheck.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata values as uploaders' tools deliver them, back to the text they meant. S3 returns user metadata that is not
 * ASCII as RFC 2047 encoded-words ({@code =?UTF-8?B?SMOpbMOobmU=?=}); some tools percent-encode it instead
 * ({@code H%C3%A9l%C3%A8ne}). A value that is neither is returned as it is; one whose encoding cannot be decoded is
 * returned as it is too, never half-decoded.
 */
public final class MetadataText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private MetadataText() {
    }

    public static String decode(String value) {
        if (value == null) {
            return null;
        }
        String decoded = value;
        if (ENCODED_WORD.matcher(value).find()) {
            decoded = encodedWords(value);
        } else if (PERCENT.matcher(value).find()) {
            decoded = percent(value);
        }
        return decoded == null ? value : decoded.strip();
    }

    /** Only RFC 2047 encoded-words (for a URL, whose percent signs are its own). */
    public static String decodeEncodedWords(String value) {
        if (value == null || !ENCODED_WORD.matcher(value).find()) {
            return value;
        }
        String decoded = encodedWords(value);
        return decoded == null ? value : decoded.strip();
    }

    /** RFC 2047: encoded-words decoded, the white space between two adjacent ones dropped; null when one is broken. */
    private static String encodedWords(String value) {
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(joined, last, m.start());
            Charset charset;
            try {
                charset = Charset.forName(m.group(1).replaceAll("\\*.*$", ""));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                        : quoted(m.group(3));
            } catch (IllegalArgumentException broken) {
                return null;
            }
            String text = strict(bytes, charset);
            if (text == null) {
                return null;
            }
            out.append(text);
            last = m.end();
        }
        return out.append(joined.substring(last)).toString();
    }

    /** RFC 2047's Q encoding: '_' is a space, =XX a byte. */
    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '=') {
                throw new IllegalArgumentException("a cut =XX");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** %XX bytes decoded as UTF-8 ('+' stays a plus); null when the bytes are not UTF-8. */
    private static String percent(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == '%' && i + 2 < value.length() && PERCENT.matcher(value.substring(i, i + 3)).matches()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(c);
            }
        }
        return strict(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
