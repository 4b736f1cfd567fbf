package dev.crosscheck.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * JSON for HTTP answers: the same JSON as {@link Json#write}, with {@code < > & '} and the line and paragraph
 * separators written as {@code \}{@code uXXXX} escapes. A story name, a parameter or a quoted sentence that holds
 * markup reaches a client as the same string, but the body never contains a tag a browser or a careless page could
 * run, whatever content type it is taken for.
 */
public final class SafeJson {

    private static final ObjectWriter WRITER = Json.MAPPER.writer().with(new MarkupEscapes());

    private SafeJson() {
    }

    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class MarkupEscapes extends CharacterEscapes {

        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        MarkupEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
