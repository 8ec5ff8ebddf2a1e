package com.verdict.catalog;

import java.util.List;

/**
 * How an import went: interactions stored new, lines stored already as they are ({@code unchanged}), invalid lines
 * (skip-invalid mode), stored interactions replaced, the first errors with their total, and the first notes with
 * theirs: valid lines worth a second look, such as a closed_qa line without the context its answers come from.
 */
public record ImportResult(int imported, int unchanged, int invalid, int replaced, List<ImportError> errors,
        int totalErrors, List<ImportError> notes, int totalNotes) {

    /** Lines not imported, unchanged or invalid: the REST answer's {@code skipped}, kept beside the two. */
    public int skipped() {
        return unchanged + invalid;
    }
}
