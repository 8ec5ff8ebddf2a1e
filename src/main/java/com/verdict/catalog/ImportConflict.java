package com.verdict.catalog;

import java.util.List;

/** Ids already stored with other content: an import that would silently change them is refused whole. */
public class ImportConflict extends RuntimeException {

    private final List<String> ids;

    ImportConflict(List<String> ids) {
        super(ids.size() + " id(s) already stored with different content");
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }
}
