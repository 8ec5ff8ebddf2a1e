package com.verdict.people;

import java.util.Arrays;
import java.util.Collection;
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
        return keys(Arrays.asList(values()));
    }

    /** "export, import": scopes as requests name them, in one order wherever they are listed. */
    public static String keys(Collection<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::key).collect(Collectors.joining(", "));
    }
}
