package com.verdict.catalog;

/** What to do with invalid lines: refuse the whole file (the default) or import the valid lines. */
public enum ImportMode {
    ALL_OR_NOTHING, SKIP_INVALID
}
