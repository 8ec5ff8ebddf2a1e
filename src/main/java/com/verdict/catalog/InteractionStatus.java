package com.verdict.catalog;

/**
 * Where an interaction stands. Scoring moves it between {@code OPEN}, {@code SETTLED} and {@code CONTESTED}
 * as its decision changes; {@code RETIRED} comes only from retiring it and wins over the others.
 */
public enum InteractionStatus {
    OPEN, SETTLED, CONTESTED, RETIRED;

    public String key() {
        return name().toLowerCase();
    }

    /** "Open", "Settled": as the views show it beside categories' labels. */
    public String label() {
        return name().charAt(0) + key().substring(1);
    }
}
