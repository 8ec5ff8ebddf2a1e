package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.catalog.CandidateText;
import com.verdict.catalog.Category;
import com.verdict.scoring.ExportedConsensus;
import com.verdict.scoring.PairPreference;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The preference file: one record per pair whose judges preferred one response. */
final class PreferenceRecords {

    private final ScoringService scoring;
    private final SharedReads reads;

    PreferenceRecords(ScoringService scoring, SharedReads reads) {
        this.scoring = scoring;
        this.reads = reads;
    }

    /** Hands {@code sink} the records that pass the filter, the pairs of a page of interactions at a time. */
    void scan(ExportFilter filter, int page, DatasetWriter.Sink sink) throws IOException {
        reads.consensusPages(page, sink, consensus -> records(filter, consensus, sink));
    }

    private void records(ExportFilter filter, List<ExportedConsensus> consensus, DatasetWriter.Sink sink)
            throws IOException {
        Map<Long, Instant> decidedAt = new HashMap<>();
        consensus.stream().filter(c -> filter.admitsContested(c.contested()))
                .forEach(c -> decidedAt.put(c.interactionId(), c.decidedAt()));
        List<Long> interactions = List.copyOf(decidedAt.keySet());
        List<PairPreference> preferred = scoring.pairPreferences(interactions).stream()
                .filter(p -> filter.admitsContested(p.contested())
                        && filter.admitsTime(exportableSince(p, decidedAt.get(p.interactionId())))
                        && filter.admitsStrength(p.confidence(), p.judgments())).toList();
        List<Long> candidates = new ArrayList<>(preferred.size() * 2);
        preferred.forEach(p -> {
            candidates.add(p.chosenCandidateId());
            candidates.add(p.rejectedCandidateId());
        });
        Map<Long, CandidateText> texts = reads.texts(candidates);
        Set<Long> tagged = reads.tagged(filter, interactions);
        for (PairPreference p : preferred) {
            CandidateText chosen = texts.get(p.chosenCandidateId());
            CandidateText rejected = texts.get(p.rejectedCandidateId());
            // An empty chosen response teaches nothing to prefer; an empty rejected one is a fair lesson.
            if (reads.admits(filter, chosen, tagged) && filter.admitsSource(chosen.source(), rejected.source())
                    && !chosen.text().isBlank()) {
                sink.accept(new PreferenceRecord(p, chosen, rejected));
            }
        }
    }

    /**
     * A preference is in the file once its pair settled and its interaction left the open state, whichever came
     * later: an export {@code since} the last one gets each line once, unless the interaction's decision changed.
     */
    private static Instant exportableSince(PairPreference pair, Instant interactionDecided) {
        return pair.settledAt() == null || pair.settledAt().isBefore(interactionDecided) ? interactionDecided
                : pair.settledAt();
    }

    private record PreferenceRecord(PairPreference pair, CandidateText chosen, CandidateText rejected)
            implements ExportRecord {

        @Override
        public long interactionId() {
            return pair.interactionId();
        }

        @Override
        public String externalId() {
            return chosen.externalId();
        }

        @Override
        public Category category() {
            return chosen.category();
        }

        @Override
        public double confidence() {
            return pair.confidence();
        }

        @Override
        public int judgments() {
            return pair.judgments();
        }

        @Override
        public String instruction() {
            return chosen.instruction();
        }

        @Override
        public String context() {
            return chosen.context();
        }

        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            JsonLines.stringField(json, "id", chosen.externalId());
            JsonLines.stringField(json, "instruction", chosen.instruction());
            JsonLines.stringField(json, "context", chosen.context());
            JsonLines.stringField(json, "category", JsonLines.key(chosen.category()));
            JsonLines.stringField(json, "chosen", chosen.text());
            JsonLines.stringField(json, "rejected", rejected.text());
            JsonLines.stringField(json, "chosen_source", chosen.source());
            JsonLines.stringField(json, "rejected_source", rejected.source());
            json.writeNumberField("confidence", rounded(pair.confidence()));
            json.writeNumberField("judgments", pair.judgments());
            json.writeEndObject();
        }
    }

    private static double rounded(double confidence) {
        return Math.round(confidence * 10_000) / 10_000.0;
    }
}
