package com.verdict.catalog;

/** A category's coverage: its interactions, how many are settled, and the judgments made on them. */
public record CategoryCount(Category category, long interactions, long decided, long judgments) {
}
