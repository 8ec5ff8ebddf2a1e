package com.verdict.catalog;

import java.util.List;

/**
 * How an import went: interactions stored new, lines stored already as they are ({@code unchanged}), invalid lines
 * (skip-invalid mode), stored interactions replaced, and the first errors with their total.
 */
public record ImportResult(int imported, int unchanged, int invalid, int replaced, List<ImportError> errors,
        int totalErrors) {

    /** Lines not imported, unchanged or invalid: the REST answer's {@code skipped}, kept beside the two. */
    public int skipped() {
        return unchanged + invalid;
    }
}
