package com.verdict.base;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What is wrong with text that is not the JSON asked for, in a client's words rather than Jackson's: without advice
 * on parser features to enable, Java class names or the source excerpt Jackson appends. For request bodies and
 * import lines alike.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** "Unexpected character ('x' (code 120)) … (column 7)", "the text ends before its JSON value is closed". */
    public static String describe(JsonProcessingException e, boolean withLine) {
        String message = String.valueOf(e.getOriginalMessage());
        String what;
        if (message.startsWith("Trailing token")) {
            what = "another JSON value follows the first (one object per request body or line)";
        } else if (message.startsWith("Unexpected end-of-input")) {
            what = "the text ends before its JSON value is closed";
        } else {
            what = plain(message);
        }
        JsonLocation at = e.getLocation();
        if (at == null || at.getColumnNr() < 1) {
            return what;
        }
        return what + (withLine ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
                : " (column " + at.getColumnNr() + ")");
    }

    /** Jackson's message, its first line, cut before advice on parser features and with class names left out. */
    public static String plain(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String line = message.lines().findFirst().orElse(message);
        int advice = line.indexOf(": enable ");
        if (advice < 0) {
            advice = line.indexOf("; enable ");
        }
        return (advice < 0 ? line : line.substring(0, advice)).replaceAll("`[\\w.$]+`", "a value");
    }
}
