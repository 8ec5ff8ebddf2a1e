package com.verdict.operations;

import com.verdict.base.EmbeddedH2;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Forces the embedded H2 database file to disk every second.
 * <p>
 * A commit is safe from a crash of the app once H2 has written it to the file ({@code base.DurableDataSource}): the
 * operating system keeps the written pages and puts them on disk when it sees fit. Under load H2 writes tens of MB a
 * second, and Linux by default lets a tenth of the machine's memory pile up before it writes any of it back (2 GB on
 * the benchmark machine). Then one write of H2's file now and then waited 0.3–0.5 s, and every judge whose answer
 * waited for that write waited with it (docs/BENCHMARKS.md). Forced every second, the file never has more than a
 * second's worth of pages waiting, and no write of it stalled so. A power cut now takes at most about a second of
 * acknowledged judgments, where the kernel's default would lose up to 30 s.
 * <p>
 * The thread holds none of H2's locks while it waits for the disk, so commits go on meanwhile. It is never
 * interrupted: an interrupt during a wait for the disk would close H2's file under it. The timer
 * {@code verdict.h2.writeback} shows how long each force takes. Nothing happens on PostgreSQL or an in-memory H2
 * database.
 */
@Component
class H2Writeback {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(H2Writeback.class);

    private final MVStore store;
    private final Duration interval;
    private final Timer forces;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread = new Thread(this::forceEachInterval, "h2-writeback");

    @Autowired
    H2Writeback(DataSource dataSource, MeterRegistry meters) throws SQLException {
        this(dataSource, meters, INTERVAL);
    }

    H2Writeback(DataSource dataSource, MeterRegistry meters, Duration interval) throws SQLException {
        this.store = EmbeddedH2.fileStoreOf(dataSource).orElse(null);
        this.interval = interval;
        this.forces = store == null ? null : Timer.builder("verdict.h2.writeback")
                .description("Time to force the H2 database file to disk").register(meters);
        thread.setDaemon(true);
    }

    @PostConstruct
    void start() {
        if (store != null) {
            thread.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping.countDown();
        if (thread.isAlive()) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether the thread is still forcing the file each interval. */
    boolean running() {
        return thread.isAlive();
    }

    private void forceEachInterval() {
        try {
            while (!stopping.await(interval.toNanos(), TimeUnit.NANOSECONDS) && !store.isClosed()) {
                try {
                    forces.record(store::sync);
                } catch (MVStoreException e) {
                    if (!store.isClosed()) {
                        log.warn("Could not force the H2 database file to disk; trying again in {}", interval, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
