package com.verdict.operations;

import com.verdict.base.EmbeddedH2;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database file from growing without end.
 * <p>
 * H2 never overwrites a page: every commit appends the pages it changed, as a new chunk of the file, and a chunk's
 * space is reused only once none of its pages is current any more. Judging appends to tables whose last page
 * is rewritten at every commit until it is full, so nearly every chunk keeps a page or two for good, and the
 * file grows by what is written (measured under load: 5–8 MB/s at 66 judgments/s, 25–40 MB/s at 500/s). H2's
 * background thread can copy such pages forward and free their chunks; Verdict's URL turns that off
 * ({@code AUTO_COMPACT_FILL_RATE=0}) and this does the work instead, in steps measured under load: every
 * {@value #INTERVAL_MS} ms it copies the live pages of the emptiest chunks forward, at most
 * {@value #WRITE_BYTES} bytes at a time so that a commit waiting for the store lock meanwhile waits briefly, and
 * only while the chunks are less than {@value #TARGET_FILL_RATE}% full.
 * <p>
 * The gauges {@code verdict.h2.file.size} (bytes) and {@code verdict.h2.chunks.fill} (% of the chunks' space
 * that is current) show how it keeps up. Nothing happens on PostgreSQL or an in-memory H2 database.
 */
@Component
public class H2Housekeeping {

    /** The database file: its size and how much of it holds current pages. */
    public record DatabaseFile(long bytes, int currentPercent) {
    }

    static final int INTERVAL_MS = 1_000;
    static final int TARGET_FILL_RATE = 70;
    static final int WRITE_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final MVStore store;

    H2Housekeeping(DataSource dataSource, MeterRegistry meters) throws SQLException {
        this.store = EmbeddedH2.fileStoreOf(dataSource).orElse(null);
        if (store != null) {
            Gauge.builder("verdict.h2.file.size", store, s -> s.getFileStore().size())
                    .description("Size of the H2 database file").baseUnit("bytes").register(meters);
            Gauge.builder("verdict.h2.chunks.fill", store, s -> s.getFileStore().getChunksFillRate())
                    .description("Share of the H2 file's chunks that holds current pages").baseUnit("percent")
                    .register(meters);
        }
    }

    /** The embedded H2 database's file; empty on PostgreSQL or an in-memory database. */
    public Optional<DatabaseFile> file() {
        if (store == null || store.isClosed()) {
            return Optional.empty();
        }
        FileStore<?> file = store.getFileStore();
        return Optional.of(new DatabaseFile(file.size(), file.getChunksFillRate()));
    }

    /** Copies live pages out of sparse chunks, so their space can be reused; false when nothing needed it. */
    @Scheduled(fixedDelay = INTERVAL_MS, initialDelay = INTERVAL_MS)
    boolean compact() {
        if (store == null || store.isClosed()) {
            return false;
        }
        boolean rewritten = store.compact(TARGET_FILL_RATE, WRITE_BYTES);
        if (rewritten && log.isDebugEnabled()) {
            log.debug("H2 file {} MB, chunks {}% full", store.getFileStore().size() >> 20,
                    store.getFileStore().getChunksFillRate());
        }
        return rewritten;
    }
}
