package com.verdict.judging;

import com.verdict.base.VerdictProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a minute, expires assignments left unanswered for the assignment TTL, so their slots return to the pool. */
@Component
class AssignmentExpiry {

    private static final Logger log = LoggerFactory.getLogger(AssignmentExpiry.class);

    private final JudgingService judging;
    private final VerdictProperties properties;

    AssignmentExpiry(JudgingService judging, VerdictProperties properties) {
        this.judging = judging;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    @SchedulerLock(name = "expire-assignments")
    public void expireOverdue() {
        Instant dealtBefore = Instant.now().minus(properties.judging().assignmentTtl());
        int expired = 0;
        JudgingService.ExpiredPage page;
        do {
            page = judging.expireOverduePage(dealtBefore);
            expired += page.expired();
        } while (page.full());
        if (expired > 0) {
            log.info("Expired {} assignment(s) left unanswered for {}", expired, properties.judging().assignmentTtl());
        }
    }
}
