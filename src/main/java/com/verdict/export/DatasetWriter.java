package com.verdict.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.verdict.base.VerdictProperties;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.Category;
import com.verdict.judging.JudgmentArchive;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Writes the three files ({@link DollyRecords}, {@link PreferenceRecords}, {@link JudgmentRecords}). Each reads
 * page by page (ids in order, one page of each kind of row at a time), so memory stays flat whatever the number
 * of records; only {@code dedupe} keeps a small entry per distinct instruction. The caller runs it inside a
 * snapshot transaction.
 */
@Component
class DatasetWriter {

    static final int PAGE = 1000;

    private final DollyRecords dolly;
    private final PreferenceRecords preferences;
    private final JudgmentRecords judgments;

    DatasetWriter(ScoringService scoring, CatalogService catalog, JudgmentArchive archive,
            VerdictProperties properties) {
        SharedReads reads = new SharedReads(scoring, catalog);
        this.dolly = new DollyRecords(reads);
        this.preferences = new PreferenceRecords(scoring, reads);
        this.judgments = new JudgmentRecords(archive, catalog, scoring, reads, properties.export().judgeIdKey());
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
        Set<Long> kept = filter.dedupe() ? mostConfidentPerInstruction(format, filter, page, pages) : null;
        List<ExportRecord> current = new ArrayList<>();
        scan(format, filter, page, new Sink() {
            @Override
            public void accept(ExportRecord record) {
                if ((kept == null || kept.contains(record.interactionId())) && filter.admitsSplit(record)) {
                    current.add(record);
                }
            }

            @Override
            public void endOfPage() throws IOException {
                if (current.isEmpty()) {
                    pages.stillWanted();
                } else {
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

        /**
         * Asked after each page read that gave no records, so that a file no longer wanted stops reading there: a
         * selective filter can read most of a table between two records.
         */
        default void stillWanted() throws IOException {
        }
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
     * The interactions whose records to keep: of all interactions with the same instruction and context, the one
     * with the most confident record (then the most judgments, then the lowest id); a preference file keeps all the
     * pairs of that interaction. Keyed by a 128-bit hash of the texts.
     */
    private Set<Long> mostConfidentPerInstruction(ExportFormat format, ExportFilter filter, int page, Pages pages)
            throws IOException {
        record Best(long interactionId, double confidence, int judgments) {
            boolean beats(Best other) {
                if (confidence != other.confidence) {
                    return confidence > other.confidence;
                }
                return judgments != other.judgments ? judgments > other.judgments : interactionId < other.interactionId;
            }
        }
        record TextKey(long high, long low) {
        }
        MessageDigest sha256 = sha256();
        Map<TextKey, Best> best = new HashMap<>();
        scan(format, filter, page, new Sink() {
            @Override
            public void accept(ExportRecord record) {
                sha256.update(record.instruction().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                byte[] digest = sha256.digest(record.context().getBytes(StandardCharsets.UTF_8));
                Best candidate = new Best(record.interactionId(), record.confidence(), record.judgments());
                best.merge(new TextKey(longAt(digest, 0), longAt(digest, 8)), candidate,
                        (old, challenger) -> challenger.beats(old) ? challenger : old);
            }

            @Override
            public void endOfPage() throws IOException {
                // This pass hands no pages over: it asks after each one whether the file is still wanted.
                pages.stillWanted();
            }
        });
        Set<Long> kept = new HashSet<>(best.size() * 2);
        best.values().forEach(b -> kept.add(b.interactionId()));
        return kept;
    }

    private void scan(ExportFormat format, ExportFilter filter, int page, Sink sink) throws IOException {
        switch (format) {
            case DOLLY -> dolly.scan(filter, page, sink);
            case PREFERENCES -> preferences.scan(filter, page, sink);
            case JUDGMENTS -> judgments.scan(filter, page, sink);
        }
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

    /**
     * How every file reads its rows: a page at a time in key order, each page the rows after the last key seen,
     * until one comes back empty; {@code each} turns a page into records, and the sink's page ends after it.
     */
    static <T> void pages(LongFunction<List<T>> read, ToLongFunction<T> key, Sink sink, Rows<T> each)
            throws IOException {
        long after = 0;
        while (true) {
            List<T> rows = read.apply(after);
            if (rows.isEmpty()) {
                return;
            }
            after = key.applyAsLong(rows.get(rows.size() - 1));
            each.accept(rows);
            sink.endOfPage();
        }
    }

    /** Turns one page of rows into records for the sink. */
    @FunctionalInterface
    interface Rows<T> {
        void accept(List<T> rows) throws IOException;
    }

    /** Receives the records that pass the filters, page by page. */
    @FunctionalInterface
    interface Sink {
        void accept(ExportRecord record) throws IOException;

        default void endOfPage() throws IOException {
        }
    }
}
