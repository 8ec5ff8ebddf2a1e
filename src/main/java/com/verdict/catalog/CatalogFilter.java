package com.verdict.catalog;

/**
 * What the catalog lists: every field is optional (null matches all). {@code text} matches the instruction
 * or the id, ignoring case.
 */
public record CatalogFilter(Category category, String source, String tag, InteractionStatus status, String text) {

    public static final CatalogFilter ALL = new CatalogFilter(null, null, null, null, null);
}
