package com.verdict.base;

import java.util.Collection;
import java.util.List;

/** Query parameters read the same way by every endpoint: a value out of range is a 400 that says the range. */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** The parameter as a whole number from {@code min} to {@code max}, or a 400 naming it, the range and the value. */
    public static int wholeNumber(String name, String raw, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            parsed = min - 1;
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest("Invalid request parameter",
                    List.of(name + ": must be a whole number from " + min + " to " + max + ", not '" + raw + "'"));
        }
        return parsed;
    }

    /**
     * "name: unknown parameter (allowed: …)" for each given name not allowed, sorted: a misspelt parameter must be
     * refused, not run as if it were absent.
     */
    public static List<String> unknown(Collection<String> given, Collection<String> allowed) {
        return given.stream().filter(name -> !allowed.contains(name)).sorted()
                .map(name -> name + ": unknown parameter (allowed: " + String.join(", ", allowed) + ")").toList();
    }
}
