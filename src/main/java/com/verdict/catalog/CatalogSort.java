package com.verdict.catalog;

/** The order of the catalog's list; ties fall back to the newest first. */
public record CatalogSort(Column column, boolean descending) {

    public static final CatalogSort NEWEST = new CatalogSort(Column.CREATED, true);

    public enum Column {
        CREATED, EXTERNAL_ID, CATEGORY, STATUS, JUDGMENTS
    }
}
