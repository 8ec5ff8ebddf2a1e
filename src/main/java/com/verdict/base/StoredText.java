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
 * Text the database can store: PostgreSQL refuses the NUL character in text, so a request carrying one would
 * fail at the insert. JSON request bodies are checked as they are read (a 400 naming the field); the import
 * checks its lines itself; services that store text typed into a view check it with {@link #check}.
 */
@Configuration
public class StoredText {

    public static final String NUL_REFUSED = "must not contain the NUL character (\\u0000)";

    /** For a field's {@code @Pattern}: no NUL character. */
    public static final String NO_NUL = "[^\\x00]*";

    public static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** Adds "field: must not contain the NUL character" to the problems when the text has one. */
    public static void check(String field, String text, List<String> problems) {
        if (text != null && hasNul(text)) {
            problems.add(field + ": " + NUL_REFUSED);
        }
    }

    /** Spring Boot adds this to the ObjectMapper that reads request bodies. */
    @Bean
    Module storableTextOnly() {
        return new SimpleModule("storable-text-only").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                if (text != null && hasNul(text)) {
                    throw JsonMappingException.from(parser, NUL_REFUSED);
                }
                return text;
            }
        });
    }
}
