package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.catalog.CandidateText;
import com.verdict.catalog.Category;
import com.verdict.scoring.ExportedConsensus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Dolly file: one record per interaction with a best response. */
final class DollyRecords {

    private final SharedReads reads;

    DollyRecords(SharedReads reads) {
        this.reads = reads;
    }

    /** Hands {@code sink} the records that pass the filter, a page of interactions at a time, in id order. */
    void scan(ExportFilter filter, int page, DatasetWriter.Sink sink) throws IOException {
        reads.consensusPages(page, sink, consensus -> records(filter, consensus, sink));
    }

    private void records(ExportFilter filter, List<ExportedConsensus> consensus, DatasetWriter.Sink sink)
            throws IOException {
        List<ExportedConsensus> decided = new ArrayList<>(consensus.size());
        for (ExportedConsensus c : consensus) {
            if (c.bestCandidateId() != null && filter.admitsContested(c.contested())
                    && filter.admitsTime(c.decidedAt()) && filter.admitsStrength(c.confidence(), c.judgments())) {
                decided.add(c);
            }
        }
        Map<Long, CandidateText> texts = reads.texts(decided.stream().map(ExportedConsensus::bestCandidateId).toList());
        Set<Long> tagged = reads.tagged(filter, decided.stream().map(ExportedConsensus::interactionId).toList());
        for (ExportedConsensus c : decided) {
            CandidateText best = texts.get(c.bestCandidateId());
            // An empty answer can win (the other was worse), but a training target it is not.
            if (reads.admits(filter, best, tagged) && filter.admitsSource(best.source()) && !best.text().isBlank()) {
                sink.accept(new DollyRecord(c, best));
            }
        }
    }

    private record DollyRecord(ExportedConsensus consensus, CandidateText best) implements ExportRecord {

        @Override
        public long interactionId() {
            return consensus.interactionId();
        }

        @Override
        public String externalId() {
            return best.externalId();
        }

        @Override
        public Category category() {
            return best.category();
        }

        @Override
        public double confidence() {
            return consensus.confidence();
        }

        @Override
        public int judgments() {
            return consensus.judgments();
        }

        @Override
        public String instruction() {
            return best.instruction();
        }

        @Override
        public String context() {
            return best.context();
        }

        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            JsonLines.stringField(json, "instruction", best.instruction());
            JsonLines.stringField(json, "context", best.context());
            JsonLines.stringField(json, "response", best.text());
            JsonLines.stringField(json, "category", JsonLines.key(best.category()));
            json.writeEndObject();
        }
    }
}
