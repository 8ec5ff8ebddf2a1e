package com.verdict.scoring;

import com.verdict.base.VerdictProperties;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs a full refit every {@code verdict.scoring.refit-interval}; soon after start when judgments exist that
 * no refit has seen yet (a database from before scoring, for one).
 */
@Component
class RefitSchedule {

    private static final Logger log = LoggerFactory.getLogger(RefitSchedule.class);
    private static final Duration FIRST_REFIT_AFTER_START = Duration.ofSeconds(5);

    private final ConsensusRefit refit;
    private final TaskScheduler scheduler;
    private final JdbcTemplate jdbc;
    private final LockingTaskExecutor locks;
    private final Duration interval;

    RefitSchedule(ConsensusRefit refit, TaskScheduler scheduler, JdbcTemplate jdbc, LockProvider lockProvider,
            VerdictProperties properties) {
        this.refit = refit;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.interval = properties.scoring().refitInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (interval.isZero()) {
            return;
        }
        boolean neverFitted = jdbc.queryForObject("select count(*) from scoring_model", Integer.class) == 0
                && jdbc.queryForObject("select count(*) from vote", Long.class) > 0;
        // With several instances on one database, the lock lets only one of them refit at a time.
        scheduler.scheduleWithFixedDelay(() -> locks.executeWithLock((Runnable) this::run,
                        new LockConfiguration(Instant.now(), "scoring-refit", Duration.ofMinutes(30), Duration.ZERO)),
                Instant.now().plus(neverFitted ? FIRST_REFIT_AFTER_START : interval), interval);
    }

    private void run() {
        try {
            RefitSummary summary = refit.refit();
            log.info("Scoring refit: {} judgments, {} judges, {} pairs in {} ms ({} iterations); {} pairs and {} "
                            + "interactions changed, {} judges flagged", summary.judgments(), summary.judges(),
                    summary.pairs(), summary.millis(), summary.iterations(), summary.pairsChanged(),
                    summary.interactionsChanged(), summary.flaggedJudges());
        } catch (RuntimeException e) {
            log.error("Scoring refit failed; the next one runs in {}", interval, e);
        }
    }
}
