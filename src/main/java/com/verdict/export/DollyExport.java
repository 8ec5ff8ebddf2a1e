package com.verdict.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.DollySource;
import com.verdict.scoring.DecidedInteraction;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Writes the Dolly dataset: one JSON object a line with exactly {@code instruction}, {@code context},
 * {@code response}, {@code category}, in that order, for each interaction whose best response is decided.
 * Reads page by page, so memory stays flat whatever the number of records.
 */
@Service
public class DollyExport {

    private static final int PAGE = 500;

    private final ScoringService scoring;
    private final CatalogService catalog;
    private final JsonFactory json;

    DollyExport(ScoringService scoring, CatalogService catalog, ObjectMapper mapper) {
        this.scoring = scoring;
        this.catalog = catalog;
        this.json = mapper.getFactory().copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes every record and returns how many. */
    public long write(OutputStream out) throws IOException {
        long records = 0;
        long after = 0;
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setRootValueSeparator(null);
            while (true) {
                List<DecidedInteraction> page = scoring.decided(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).interactionId();
                Map<Long, DollySource> sources = catalog.dollySources(
                        page.stream().map(DecidedInteraction::bestCandidateId).toList()).stream()
                        .collect(Collectors.toMap(DollySource::candidateId, Function.identity()));
                for (DecidedInteraction decided : page) {
                    DollySource source = sources.get(decided.bestCandidateId());
                    generator.writeStartObject();
                    generator.writeStringField("instruction", source.instruction());
                    generator.writeStringField("context", source.context() == null ? "" : source.context());
                    generator.writeStringField("response", source.response());
                    generator.writeStringField("category", source.category().key());
                    generator.writeEndObject();
                    generator.writeRaw('\n');
                    records++;
                }
                generator.flush();
            }
        }
        return records;
    }
}
