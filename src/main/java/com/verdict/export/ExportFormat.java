package com.verdict.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three files the dataset export writes, each JSON Lines. */
public enum ExportFormat {
    DOLLY("dolly.jsonl", "Dolly (instruction, context, response, category)"),
    PREFERENCES("preferences.jsonl", "Preference pairs (chosen, rejected)"),
    JUDGMENTS("judgments.jsonl", "Raw judgments");

    private final String file;
    private final String label;

    ExportFormat(String file, String label) {
        this.file = file;
        this.label = label;
    }

    public String file() {
        return file;
    }

    public String label() {
        return label;
    }

    /** The name used in metrics and the history: {@code dolly}, {@code preferences}, {@code judgments}. */
    public String key() {
        return name().toLowerCase();
    }

    public static Optional<ExportFormat> ofFile(String file) {
        return Arrays.stream(values()).filter(f -> f.file.equals(file)).findFirst();
    }

    public static Optional<ExportFormat> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    static String allFiles() {
        return Arrays.stream(values()).map(ExportFormat::file).collect(Collectors.joining(", "));
    }
}
