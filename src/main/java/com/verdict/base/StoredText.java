package com.verdict.base;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text the database can store and an export can write as UTF-8. PostgreSQL refuses the NUL character in text, so a
 * request carrying one would fail at the insert; an unpaired surrogate (a JSON escape such as \ud800 without its
 * partner) is no character at all: PostgreSQL stores '?' in its place and H2 keeps it, to be exported as text that
 * no UTF-8 reader accepts. JSON request bodies are checked as they are read (a 400 naming the field); the import
 * checks its lines itself; services that store text typed into a view check it with {@link #check}.
 */
@Configuration
public class StoredText {

    public static final String NUL_REFUSED = "must not contain the NUL character (\\u0000)";

    /** What a field's {@code @Pattern} says when {@link #STORABLE} does not match. */
    public static final String UNSTORABLE = "must not contain the NUL character (\\u0000) nor half of a surrogate pair";

    /**
     * For a field's {@code @Pattern}: no NUL and no half of a surrogate pair (Java's patterns see a whole pair as one
     * character, outside the surrogate range).
     */
    public static final String STORABLE = "[^\\x00\\uD800-\\uDFFF]*";

    /** Why the text cannot be stored, or null when it can (no text at all can be). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL_REFUSED;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode: character %d is half of a surrogate pair (\\u%04X) without the other"
                        .formatted(i + 1, (int) c);
            }
        }
        return null;
    }

    /** Adds "field: must not contain …" to the problems when the text cannot be stored. */
    public static void check(String field, String text, List<String> problems) {
        String problem = problem(text);
        if (problem != null) {
            problems.add(field + ": " + problem);
        }
    }

    /** Spring Boot adds this to the ObjectMapper that reads request bodies. */
    @Bean
    Module storableTextOnly() {
        return new SimpleModule("storable-text-only").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                String problem = problem(text);
                if (problem != null) {
                    throw JsonMappingException.from(parser, problem);
                }
                return text;
            }
        });
    }
}
