package com.verdict.catalog;

import java.util.List;

/**
 * How an import went: interactions stored new, lines skipped (already stored as they are, or invalid),
 * stored interactions replaced, and the first errors with their total.
 */
public record ImportResult(int imported, int skipped, int replaced, List<ImportError> errors, int totalErrors) {
}
