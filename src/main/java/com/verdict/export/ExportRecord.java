package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.catalog.Category;
import java.io.IOException;

/** One record that has passed the filters, before dedupe and split decide whether it is written. */
interface ExportRecord {

    /** The interaction it comes from: dedupe keeps or drops all the records of an interaction together. */
    long interactionId();

    String externalId();

    Category category();

    double confidence();

    int judgments();

    String instruction();

    String context();

    void write(JsonGenerator json) throws IOException;
}
