package com.verdict.people;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API token may do: {@code export} datasets (/api/export/**), {@code import} interactions. */
public enum TokenScope {
    EXPORT, IMPORT;

    /** The name used in requests and listings: {@code export}, {@code import}. */
    public String key() {
        return name().toLowerCase();
    }

    public static Optional<TokenScope> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    static String allKeys() {
        return Arrays.stream(values()).map(TokenScope::key).collect(Collectors.joining(", "));
    }
}
