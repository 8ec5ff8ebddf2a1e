package com.verdict.catalog;

/** A category's coverage: its live interactions, how many are decided (a best response), and their judgments. */
public record CategoryCount(Category category, long interactions, long decided, long judgments) {
}
