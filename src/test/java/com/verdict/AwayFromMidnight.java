package com.verdict;

import com.verdict.base.VerdictProperties;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps a test from starting in the last seconds of a day of the boards' zone. Tests work out "today" as they start,
 * while the app keys boards, caps and charts by its own clock a moment later: a test that crossed midnight (and with
 * it, perhaps, a week or a month) would compare two different days.
 */
final class AwayFromMidnight implements BeforeEachCallback {

    /** Longer than nearly every test takes. */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        ZoneId zone = SpringExtension.getApplicationContext(context).getBean(VerdictProperties.class).leaderboard()
                .zone();
        ZonedDateTime now = ZonedDateTime.now(zone);
        Duration left = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(zone));
        if (left.compareTo(MARGIN) < 0) {
            Thread.sleep(left.plusSeconds(1).toMillis());
        }
    }
}
