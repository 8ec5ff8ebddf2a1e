package com.verdict.base.ui;

/** Words for what screens say. */
public final class Words {

    private Words() {
    }

    /** "1 judgment", "0 judgments", "3 judgments": a count and its noun, which takes an s unless the count is one. */
    public static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
