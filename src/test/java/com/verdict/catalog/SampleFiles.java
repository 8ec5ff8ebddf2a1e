package com.verdict.catalog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes large JSONL import files for the benchmarks, with texts of realistic length. */
public final class SampleFiles {

    private static final String[] WORDS = ("the model answer explains why a careful reader would prefer one response "
            + "over another because it is clear correct complete and kind while the other one rambles").split(" ");
    private static final Category[] CATEGORIES = Category.values();

    private SampleFiles() {
    }

    /**
     * {@code count} interactions with {@code responses} responses each, ids {@code prefix-0…}; every
     * {@code goldEvery}-th one is gold (0 for none).
     */
    public static Path write(String prefix, int count, int responses, int goldEvery) throws IOException {
        Path file = Files.createTempFile("verdict-" + prefix + "-", ".jsonl");
        Random random = new Random(42);
        JsonFactory json = new JsonFactory();
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setRootValueSeparator(null);
            for (int i = 0; i < count; i++) {
                generator.writeStartObject();
                generator.writeStringField("id", prefix + "-" + i);
                generator.writeStringField("instruction", words(random, 12 + random.nextInt(30)) + "?");
                generator.writeStringField("context", random.nextInt(3) == 0 ? words(random, 60) : "");
                generator.writeStringField("category", CATEGORIES[i % CATEGORIES.length].key());
                generator.writeArrayFieldStart("responses");
                for (int r = 0; r < responses; r++) {
                    generator.writeStartObject();
                    generator.writeStringField("text", words(random, 40 + random.nextInt(120)));
                    generator.writeStringField("source", "model-" + r);
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                if (goldEvery > 0 && i % goldEvery == 0) {
                    generator.writeObjectFieldStart("gold");
                    generator.writeNumberField("best", 0);
                    generator.writeStringField("why", "The first response is correct.");
                    generator.writeEndObject();
                }
                generator.writeArrayFieldStart("tags");
                generator.writeString("batch-" + (i / 10_000));
                generator.writeEndArray();
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
        }
        return file;
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
