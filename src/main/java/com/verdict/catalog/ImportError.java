package com.verdict.catalog;

/** One problem in an import: the 1-based line, the field (e.g. {@code responses[1].text}) and what is wrong. */
public record ImportError(long line, String field, String message) {
}
