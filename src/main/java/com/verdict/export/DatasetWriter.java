package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.base.VerdictProperties;
import com.verdict.catalog.CandidateText;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.Category;
import com.verdict.catalog.PairOutline;
import com.verdict.judging.JudgmentEntry;
import com.verdict.judging.JudgmentArchive;
import com.verdict.scoring.ExportedConsensus;
import com.verdict.scoring.PairPreference;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Writes the three files. Each reads page by page (ids in order, one page of each kind of row at a time),
 * so memory stays flat whatever the number of records; only {@code dedupe} keeps a small entry per distinct
 * instruction. The caller runs it inside a snapshot transaction.
 */
@Component
class DatasetWriter {

    static final int PAGE = 1000;

    private final ScoringService scoring;
    private final CatalogService catalog;
    private final JudgmentArchive judgments;
    private final SecretKeySpec judgeIdKey;

    DatasetWriter(ScoringService scoring, CatalogService catalog, JudgmentArchive judgments,
            VerdictProperties properties) {
        this.scoring = scoring;
        this.catalog = catalog;
        this.judgments = judgments;
        this.judgeIdKey = new SecretKeySpec(properties.export().judgeIdKey().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
    }

    /** What a file holds once written. */
    record Written(long records, Map<Category, Long> byCategory) {
    }

    /** Reads and writes on the calling thread, inside the caller's snapshot. */
    Written write(ExportFormat format, ExportFilter filter, OutputStream out, LongConsumer progress, int page)
            throws IOException {
        try (Lines lines = new Lines(out, progress)) {
            read(format, filter, page, lines::write);
            return lines.written();
        }
    }

    /**
     * Reads the records of a file page by page, after the filters, dedupe and split, handing each page to
     * {@code pages}. The caller runs it inside a snapshot; it writes nothing.
     */
    void read(ExportFormat format, ExportFilter filter, int page, Pages pages) throws IOException {
        Set<Long> kept = filter.dedupe() ? mostConfidentPerInstruction(format, filter, page) : null;
        List<ExportRecord> current = new ArrayList<>();
        scan(format, filter, page, new Sink() {
            @Override
            public void accept(ExportRecord record) {
                if ((kept == null || kept.contains(record.id())) && filter.admitsSplit(record.externalId())) {
                    current.add(record);
                }
            }

            @Override
            public void endOfPage() throws IOException {
                if (!current.isEmpty()) {
                    pages.accept(List.copyOf(current));
                    current.clear();
                }
            }
        });
    }

    /** Receives the pages of records that {@link #read} finds. */
    @FunctionalInterface
    interface Pages {
        void accept(List<ExportRecord> page) throws IOException;
    }

    /** Writes pages of records as JSON Lines, counting them; flushes after each page. */
    static final class Lines implements AutoCloseable {
        private final JsonGenerator json;
        private final LongConsumer progress;
        private final Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        private long records;

        Lines(OutputStream out, LongConsumer progress) throws IOException {
            this.json = JsonLines.generator(out);
            this.progress = progress;
        }

        void write(List<ExportRecord> page) throws IOException {
            for (ExportRecord record : page) {
                record.write(json);
                json.writeRaw('\n');
                byCategory.merge(record.category(), 1L, Long::sum);
                progress.accept(++records);
            }
            json.flush();
        }

        Written written() {
            return new Written(records, byCategory);
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }

    /**
     * The ids of the records to keep: of all records with the same instruction and context, the most
     * confident (then the one with most judgments, then the lowest id). Keyed by a 128-bit hash of the texts.
     */
    private Set<Long> mostConfidentPerInstruction(ExportFormat format, ExportFilter filter, int page)
            throws IOException {
        record Best(long id, double confidence, int judgments) {
            boolean beats(Best other) {
                if (confidence != other.confidence) {
                    return confidence > other.confidence;
                }
                return judgments != other.judgments ? judgments > other.judgments : id < other.id;
            }
        }
        record TextKey(long high, long low) {
        }
        MessageDigest sha256 = sha256();
        Map<TextKey, Best> best = new HashMap<>();
        scan(format, filter, page, record -> {
            sha256.update(record.instruction().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            byte[] digest = sha256.digest(record.context().getBytes(StandardCharsets.UTF_8));
            Best candidate = new Best(record.id(), record.confidence(), record.judgments());
            best.merge(new TextKey(longAt(digest, 0), longAt(digest, 8)), candidate,
                    (old, challenger) -> challenger.beats(old) ? challenger : old);
        });
        Set<Long> kept = new HashSet<>(best.size() * 2);
        best.values().forEach(b -> kept.add(b.id()));
        return kept;
    }

    private void scan(ExportFormat format, ExportFilter filter, int page, Sink sink) throws IOException {
        switch (format) {
            case DOLLY -> dolly(filter, page, sink);
            case PREFERENCES -> preferences(filter, page, sink);
            case JUDGMENTS -> judgments(filter, page, sink);
        }
    }

    // ---- Dolly: one record per interaction with a best response.

    private void dolly(ExportFilter filter, int page, Sink sink) throws IOException {
        long after = 0;
        while (true) {
            List<ExportedConsensus> consensus = scoring.consensusPage(after, page);
            if (consensus.isEmpty()) {
                return;
            }
            after = consensus.get(consensus.size() - 1).interactionId();
            List<ExportedConsensus> decided = new ArrayList<>(consensus.size());
            for (ExportedConsensus c : consensus) {
                if (c.bestCandidateId() != null && filter.admitsContested(c.contested())
                        && filter.admitsTime(c.decidedAt()) && filter.admitsStrength(c.confidence(), c.judgments())) {
                    decided.add(c);
                }
            }
            Map<Long, CandidateText> texts = byCandidate(catalog.candidateTexts(
                    decided.stream().map(ExportedConsensus::bestCandidateId).toList()));
            Set<Long> tagged = tagged(filter, decided.stream().map(ExportedConsensus::interactionId).toList());
            for (ExportedConsensus c : decided) {
                CandidateText best = texts.get(c.bestCandidateId());
                if (admits(filter, best, tagged) && filter.admitsSource(best.source())) {
                    sink.accept(new DollyRecord(c, best));
                }
            }
            sink.endOfPage();
        }
    }

    private record DollyRecord(ExportedConsensus consensus, CandidateText best) implements ExportRecord {

        @Override
        public long id() {
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

    // ---- Preference pairs: one record per pair whose judges preferred one response.

    private void preferences(ExportFilter filter, int page, Sink sink) throws IOException {
        long after = 0;
        while (true) {
            List<ExportedConsensus> consensus = scoring.consensusPage(after, page);
            if (consensus.isEmpty()) {
                return;
            }
            after = consensus.get(consensus.size() - 1).interactionId();
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
            Map<Long, CandidateText> texts = byCandidate(catalog.candidateTexts(candidates));
            Set<Long> tagged = tagged(filter, interactions);
            for (PairPreference p : preferred) {
                CandidateText chosen = texts.get(p.chosenCandidateId());
                CandidateText rejected = texts.get(p.rejectedCandidateId());
                if (admits(filter, chosen, tagged) && filter.admitsSource(chosen.source(), rejected.source())) {
                    sink.accept(new PreferenceRecord(p, chosen, rejected));
                }
            }
            sink.endOfPage();
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
        public long id() {
            return pair.pairId();
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

    // ---- Raw judgments: every judgment, in the order they were recorded.

    private void judgments(ExportFilter filter, int page, Sink sink) throws IOException {
        JudgePseudonyms judges = new JudgePseudonyms(judgeIdKey);
        long after = 0;
        while (true) {
            List<JudgmentEntry> entries = judgments.page(after, page);
            if (entries.isEmpty()) {
                return;
            }
            after = entries.get(entries.size() - 1).judgmentId();
            Map<Long, PairOutline> pairs = catalog.pairOutlines(
                    entries.stream().map(JudgmentEntry::pairId).distinct().toList()).stream()
                    .collect(Collectors.toMap(PairOutline::pairId, Function.identity()));
            List<Long> interactions = pairs.values().stream().map(PairOutline::interactionId).distinct().toList();
            Map<Long, ExportedConsensus> consensus = scoring.consensusOf(interactions);
            Set<Long> tagged = tagged(filter, interactions);
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
            sink.endOfPage();
        }
    }

    private record JudgmentRecord(JudgmentEntry entry, PairOutline pair, double confidence, int judgments,
            String judge) implements ExportRecord {

        @Override
        public long id() {
            return entry.judgmentId();
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

    // ---- Shared by the formats.

    private boolean admits(ExportFilter filter, CandidateText text, Set<Long> tagged) {
        return text != null && !text.retired() && filter.admitsCategory(text.category())
                && (tagged == null || tagged.contains(text.interactionId()));
    }

    /** The tagged ones among these interactions, or null when the filter names no tag. */
    private Set<Long> tagged(ExportFilter filter, Collection<Long> interactionIds) {
        return filter.tag() == null ? null : catalog.interactionIdsWithTag(filter.tag(), interactionIds);
    }

    private static Map<Long, CandidateText> byCandidate(List<CandidateText> texts) {
        Map<Long, CandidateText> byId = new HashMap<>(texts.size() * 2);
        texts.forEach(t -> byId.put(t.candidateId(), t));
        return byId;
    }

    private static double rounded(double confidence) {
        return Math.round(confidence * 10_000) / 10_000.0;
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Receives the records that pass the filters, page by page. */
    @FunctionalInterface
    private interface Sink {
        void accept(ExportRecord record) throws IOException;

        default void endOfPage() throws IOException {
        }
    }
}
