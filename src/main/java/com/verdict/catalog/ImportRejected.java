package com.verdict.catalog;

import java.util.List;

/** An import refused whole: nothing of it was stored. */
public class ImportRejected extends RuntimeException {

    private final List<ImportError> errors;
    private final int totalErrors;

    ImportRejected(String message, List<ImportError> errors, int totalErrors) {
        super(message);
        this.errors = List.copyOf(errors);
        this.totalErrors = totalErrors;
    }

    public List<ImportError> errors() {
        return errors;
    }

    public int totalErrors() {
        return totalErrors;
    }
}
