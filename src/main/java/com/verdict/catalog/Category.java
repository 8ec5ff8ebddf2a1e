package com.verdict.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The eight task categories of databricks-dolly-15k; {@link #key()} is the name used in JSONL. */
public enum Category {
    OPEN_QA("Open Q&A"),
    GENERAL_QA("General Q&A"),
    CLASSIFICATION("Classification"),
    CLOSED_QA("Closed Q&A"),
    BRAINSTORMING("Brainstorming"),
    INFORMATION_EXTRACTION("Information extraction"),
    SUMMARIZATION("Summarization"),
    CREATIVE_WRITING("Creative writing");

    /** Looked up for every record an export reads: a map, not a scan of {@code values()}. */
    private static final Map<String, Category> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Category::key, category -> category));

    private final String key;
    private final String label;

    Category(String label) {
        this.key = name().toLowerCase(Locale.ROOT);
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Categories whose instructions are answered from the given context. */
    public boolean needsContext() {
        return this == CLOSED_QA || this == INFORMATION_EXTRACTION || this == SUMMARIZATION;
    }

    public static Optional<Category> fromKey(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** The category of a key read from the database, where an unknown one is a fault worth its name. */
    public static Category ofStored(String key) {
        return fromKey(key).orElseThrow(() -> new IllegalStateException("Unknown category in the database: " + key));
    }

    /** "open_qa, general_qa, …" for error messages. */
    public static String allKeys() {
        return Arrays.stream(values()).map(Category::key).collect(Collectors.joining(", "));
    }
}
