package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.Category;
import com.verdict.catalog.PairOutline;
import com.verdict.judging.JudgmentArchive;
import com.verdict.judging.JudgmentEntry;
import com.verdict.scoring.ExportedConsensus;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The raw judgment file: every judgment, in the order they were recorded, its judge under a pseudonym. */
final class JudgmentRecords {

    private final JudgmentArchive judgments;
    private final CatalogService catalog;
    private final ScoringService scoring;
    private final SharedReads reads;
    private final SecretKeySpec judgeIdKey;

    JudgmentRecords(JudgmentArchive judgments, CatalogService catalog, ScoringService scoring, SharedReads reads,
            String judgeIdKey) {
        this.judgments = judgments;
        this.catalog = catalog;
        this.scoring = scoring;
        this.reads = reads;
        this.judgeIdKey = new SecretKeySpec(judgeIdKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Hands {@code sink} the records that pass the filter, a page of judgments at a time, in id order. */
    void scan(ExportFilter filter, int page, DatasetWriter.Sink sink) throws IOException {
        JudgePseudonyms judges = new JudgePseudonyms(judgeIdKey);
        DatasetWriter.pages(after -> judgments.page(after, page), JudgmentEntry::judgmentId, sink,
                entries -> records(filter, entries, judges, sink));
    }

    private void records(ExportFilter filter, List<JudgmentEntry> entries, JudgePseudonyms judges,
            DatasetWriter.Sink sink) throws IOException {
        Map<Long, PairOutline> pairs = catalog.pairOutlines(
                entries.stream().map(JudgmentEntry::pairId).distinct().toList()).stream()
                .collect(Collectors.toMap(PairOutline::pairId, Function.identity()));
        List<Long> interactions = pairs.values().stream().map(PairOutline::interactionId).distinct().toList();
        Map<Long, ExportedConsensus> consensus = scoring.consensusOf(interactions);
        Set<Long> tagged = reads.tagged(filter, interactions);
        for (JudgmentEntry entry : entries) {
            PairOutline pair = pairs.get(entry.pairId());
            ExportedConsensus c = consensus.get(pair.interactionId());
            double confidence = c == null ? 0 : c.confidence();
            int judged = c == null ? 0 : c.judgments();
            if (!pair.retired() && filter.admitsCategory(pair.category())
                    && (tagged == null || tagged.contains(pair.interactionId()))
                    && filter.admitsSource(pair.a().source(), pair.b().source())
                    && filter.admitsContested(c != null && c.contested())
                    && filter.admitsStrength(confidence, judged) && filter.admitsTime(entry.judgedAt())) {
                sink.accept(new JudgmentRecord(entry, pair, confidence, judged, judges.of(entry.judgeId())));
            }
        }
    }

    private record JudgmentRecord(JudgmentEntry entry, PairOutline pair, double confidence, int judgments,
            String judge) implements ExportRecord {

        @Override
        public long interactionId() {
            return pair.interactionId();
        }

        @Override
        public String externalId() {
            return pair.externalId();
        }

        @Override
        public Category category() {
            return pair.category();
        }

        @Override
        public String instruction() {
            throw new UnsupportedOperationException("Raw judgments are not deduplicated");
        }

        @Override
        public String context() {
            throw new UnsupportedOperationException("Raw judgments are not deduplicated");
        }

        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            JsonLines.stringField(json, "id", pair.externalId());
            json.writeNumberField("response_a", pair.a().position());
            json.writeNumberField("response_b", pair.b().position());
            json.writeNumberField("left", entry.leftCandidateId() == pair.a().candidateId()
                    ? pair.a().position() : pair.b().position());
            JsonLines.stringField(json, "verdict", entry.outcome().name().toLowerCase());
            json.writeNumberField("time_on_task_ms", entry.timeOnTaskMs());
            JsonLines.stringField(json, "judged_at", entry.judgedAt().toString());
            JsonLines.stringField(json, "judge", judge);
            json.writeEndObject();
        }
    }

    /**
     * Judges as keyed hashes (HMAC-SHA256 of the judge id, 128 bits in hex): stable across exports for as
     * long as the key is, and no link to a person without the key.
     */
    static final class JudgePseudonyms {
        private final Mac mac;
        private final Map<Long, String> known = new HashMap<>();

        JudgePseudonyms(SecretKeySpec key) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
            }
        }

        String of(long judgeId) {
            return known.computeIfAbsent(judgeId, id -> HexFormat.of().formatHex(
                    mac.doFinal(Long.toString(id).getBytes(StandardCharsets.UTF_8)), 0, 16));
        }
    }
}
