package com.verdict.export;

import com.verdict.base.DaemonThreads;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.Category;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

/**
 * The dataset export: the feature's API. Every file is read from one snapshot of the database and streamed
 * as it is read; every file written goes into the history and the {@code verdict.export.records} counter.
 */
@Service
public class ExportService {

    public static final int MAX_HISTORY = 1000;
    /** How much an export of what changed since the last one goes back before that one began. */
    static final Duration SINCE_OVERLAP = Duration.ofMinutes(1);

    private final DatasetWriter writer;
    private final ExportSnapshot snapshot;
    private final ExportHistory history;
    private final CatalogService catalog;
    private final Map<ExportFormat, Counter> written = new EnumMap<>(ExportFormat.class);
    private final String appVersion;
    private final ExecutorService historyWriter = new DelegatingSecurityContextExecutorService(
            Executors.newSingleThreadExecutor(DaemonThreads.named("export-history")));
    private final ExecutorService previews = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(8), DaemonThreads.named("export-preview"));

    ExportService(DatasetWriter writer, ExportSnapshot snapshot, ExportHistory history, CatalogService catalog,
            MeterRegistry meters, @Value("${spring.application.version:unknown}") String appVersion) {
        this.writer = writer;
        this.snapshot = snapshot;
        this.history = history;
        this.catalog = catalog;
        this.appVersion = appVersion;
        for (ExportFormat format : ExportFormat.values()) {
            written.put(format, Counter.builder("verdict.export.records")
                    .description("Records written to exported files")
                    .tag("format", format.key())
                    .register(meters));
        }
    }

    /**
     * Writes the file to {@code out} and logs it with the SHA-256 of the bytes sent, also when writing breaks off
     * (the client went away). {@code progress} hears the number of records written so far after each record.
     */
    public ExportSummary write(ExportFormat format, ExportFilter filter, OutputStream out, ExportRequester requester,
            LongConsumer progress) throws IOException {
        Instant started = Instant.now();
        long[] records = {0};
        MessageDigest sha256 = sha256();
        String sent = null;
        try {
            DatasetWriter.Written file = stream(format, filter, new DigestOutputStream(out, sha256), n -> {
                records[0] = n;
                progress.accept(n);
            }, () -> true);
            sent = HexFormat.of().formatHex(sha256.digest());
            return summary(file);
        } finally {
            written.get(format).increment(records[0]);
            String hash = sent;
            recordUninterrupted(() -> history.record(requester, format, filter, records[0], hash, started,
                    Instant.now()));
        }
    }

    /**
     * Spring interrupts a REST export's thread when its client goes away or its time runs out, and an interrupt
     * during H2's file I/O closes the database for everyone (a disconnected curl left every request failing until a
     * restart). So the history, the one write an export makes, goes to a thread nobody interrupts, signed in as the
     * requester, and this one waits for it.
     */
    private void recordUninterrupted(Runnable record) {
        Future<?> recorded = historyWriter.submit(record);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    recorded.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("Could not log the export", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void stopThreads() {
        historyWriter.shutdown();
        previews.shutdownNow();
    }

    /** What the file would hold, with its SHA-256; nothing is logged or counted. */
    public ExportManifest manifest(ExportFormat format, ExportFilter filter) throws IOException {
        Instant generatedAt = Instant.now();
        MessageDigest sha256 = sha256();
        DatasetWriter.Written file;
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            file = stream(format, filter, out, n -> { }, () -> true);
        }
        ExportSummary summary = summary(file);
        return new ExportManifest(summary.records(), summary.byCategory(), filter.describe(), generatedAt, appVersion,
                HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The record count and the first {@code lines} lines as they would be written; nothing is logged or counted.
     * A count reads the whole file (seconds on a contest's database), so once {@code wanted} says it is no longer
     * wanted, reading stops within a page and this throws a {@link CancellationException}.
     */
    public ExportPreview preview(ExportFormat format, ExportFilter filter, int lines, BooleanSupplier wanted)
            throws IOException {
        FirstLines first = new FirstLines(lines);
        DatasetWriter.Written file = stream(format, filter, first, n -> { }, wanted);
        ExportSummary summary = summary(file);
        return new ExportPreview(summary.records(), summary.byCategory(), first.lines());
    }

    /**
     * {@link #preview} on a pool of its own, for views: two counts at a time, a few waiting, so that counts never
     * queue REST downloads and imports behind them (Spring's task executor streams those), nor they counts. A count
     * refused for a full queue fails at once, with a {@link RejectedExecutionException}.
     */
    public CompletableFuture<ExportPreview> previewInBackground(ExportFormat format, ExportFilter filter, int lines,
            BooleanSupplier wanted) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return preview(format, filter, lines, wanted);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, previews);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Where a file of what changed since this user's last complete one of the format begins: a minute before that one
     * began, as a refit dates what it writes when its chunk begins, normally seconds earlier (docs/EXPORT.md). Empty
     * when there was none.
     */
    public Optional<Instant> sinceLastExport(String username, ExportFormat format) {
        return history.lastCompletedStart(username, format).map(start -> start.minus(SINCE_OVERLAP));
    }

    /** The most recent exports first, at most {@value #MAX_HISTORY}. */
    public List<ExportHistoryEntry> history(int limit) {
        return history.recent(Math.min(Math.max(limit, 0), MAX_HISTORY));
    }

    /** The response sources there are to filter by. */
    public List<String> sources() {
        return catalog.sources();
    }

    /** Reads in a snapshot on a reader thread while this thread writes the pages it hands over. */
    private DatasetWriter.Written stream(ExportFormat format, ExportFilter filter, OutputStream out,
            LongConsumer progress, BooleanSupplier wanted) throws IOException {
        PagePipe pipe = new PagePipe(wanted);
        snapshot.readAside(() -> {
            writer.read(format, filter, DatasetWriter.PAGE, pipe);
            return null;
        }, pipe);
        try (DatasetWriter.Lines lines = new DatasetWriter.Lines(out, progress)) {
            for (List<ExportRecord> page = pipe.next(); page != null; page = pipe.next()) {
                lines.write(page);
            }
            return lines.written();
        } finally {
            pipe.cancel();
        }
    }

    private static ExportSummary summary(DatasetWriter.Written file) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Long count = file.byCategory().get(category);
            if (count != null) {
                byCategory.put(category.key(), count);
            }
        }
        return new ExportSummary(file.records(), byCategory);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Keeps the first lines written to it and counts the rest away. */
    private static final class FirstLines extends OutputStream {
        private final int wanted;
        private final List<String> lines = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        FirstLines(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public void write(int b) {
            if (lines.size() >= wanted) {
                return;
            }
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length && lines.size() < wanted; i++) {
                write(bytes[i]);
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
