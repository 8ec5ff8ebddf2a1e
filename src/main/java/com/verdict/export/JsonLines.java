package com.verdict.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.verdict.catalog.Category;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * JSON Lines as the exports write them: UTF-8, one object a line, {@code \n} after every line. Besides what
 * JSON requires, U+0085, U+2028 and U+2029 are escaped too: they are line breaks to some readers (Python's
 * {@code str.splitlines}, JavaScript before ES2019), and a record must never span two lines. Jackson's custom
 * escaping is several times slower than its plain path, so it is switched on only for the strings that need it.
 */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final CharacterEscapes LINE_BREAKS = new LineBreakEscapes();
    private static final Map<Category, String> KEYS = new EnumMap<>(Category.class);

    static {
        for (Category category : Category.values()) {
            KEYS.put(category, category.key());
        }
    }

    private JsonLines() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
        return generator;
    }

    /** The category's JSONL key, without making a new string for every record. */
    static String key(Category category) {
        return KEYS.get(category);
    }

    /** Writes a string field, escaping the line breaks that JSON leaves alone. */
    static void stringField(JsonGenerator json, String name, String value) throws IOException {
        if (hasUnicodeLineBreak(value)) {
            json.setCharacterEscapes(LINE_BREAKS);
            json.writeStringField(name, value);
            json.setCharacterEscapes(null);
        } else {
            json.writeStringField(name, value);
        }
    }

    private static boolean hasUnicodeLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x85 && (c == 0x85 || c == 0x2028 || c == 0x2029)) {
                return true;
            }
        }
        return false;
    }

    private static final class LineBreakEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x85 -> new SerializedString("\\u0085");
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
