package com.verdict.catalog;

import java.util.List;

/** How an import went: interactions stored, lines skipped (already stored, or invalid), and the errors. */
public record ImportResult(int imported, int skipped, List<ImportError> errors, int totalErrors) {
}
