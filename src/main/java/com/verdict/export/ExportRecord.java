package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.catalog.Category;
import java.io.IOException;

/** One record that has passed the filters, before dedupe and split decide whether it is written. */
interface ExportRecord {

    /** Unique within its file: the interaction, pair or judgment id. */
    long id();

    String externalId();

    Category category();

    double confidence();

    int judgments();

    String instruction();

    String context();

    void write(JsonGenerator json) throws IOException;
}
