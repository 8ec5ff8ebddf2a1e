package com.verdict.catalog;

/**
 * What to do with an id already stored with other content: refuse the import (the default), or replace the
 * stored interaction when nobody has judged it yet.
 */
public enum OnConflict {
    REJECT, REPLACE
}
