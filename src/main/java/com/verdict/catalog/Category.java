package com.verdict.catalog;

import java.util.Arrays;
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

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    /** Categories whose instructions are answered from the given context. */
    public boolean needsContext() {
        return this == CLOSED_QA || this == INFORMATION_EXTRACTION || this == SUMMARIZATION;
    }

    public static Optional<Category> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }

    /** "open_qa, general_qa, …" for error messages. */
    public static String allKeys() {
        return Arrays.stream(values()).map(Category::key).collect(Collectors.joining(", "));
    }
}
