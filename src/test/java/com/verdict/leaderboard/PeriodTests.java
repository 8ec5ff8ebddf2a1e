package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.base.ApiException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class PeriodTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayEndsAtMidnightInTheBoardsZone() {
        Instant lateEvening = ZonedDateTime.of(2026, 11, 26, 23, 59, 0, 0, BERLIN).toInstant();
        Instant earlyMorning = ZonedDateTime.of(2026, 11, 27, 0, 1, 0, 0, BERLIN).toInstant();

        assertThat(Period.DAY.key(lateEvening, BERLIN)).isEqualTo("day:2026-11-26");
        assertThat(Period.DAY.key(earlyMorning, BERLIN)).isEqualTo("day:2026-11-27");
        // In UTC both instants fall on the 26th: the zone decides.
        assertThat(Period.DAY.key(earlyMorning, ZoneId.of("UTC"))).isEqualTo("day:2026-11-26");
    }

    @Test
    void weeksStartOnMondayAndBelongToTheirIsoYear() {
        Instant sundayNight = ZonedDateTime.of(2026, 11, 29, 23, 59, 0, 0, BERLIN).toInstant();
        Instant mondayMorning = ZonedDateTime.of(2026, 11, 30, 0, 1, 0, 0, BERLIN).toInstant();
        Instant newYearsDay = ZonedDateTime.of(2027, 1, 1, 12, 0, 0, 0, BERLIN).toInstant();

        assertThat(Period.WEEK.key(sundayNight, BERLIN)).isEqualTo("week:2026-W48");
        assertThat(Period.WEEK.key(mondayMorning, BERLIN)).isEqualTo("week:2026-W49");
        assertThat(Period.WEEK.key(newYearsDay, BERLIN)).isEqualTo("week:2026-W53");
    }

    @Test
    void monthsAndAllTime() {
        Instant lastMinute = ZonedDateTime.of(2026, 11, 30, 23, 59, 0, 0, BERLIN).toInstant();
        Instant firstMinute = ZonedDateTime.of(2026, 12, 1, 0, 1, 0, 0, BERLIN).toInstant();

        assertThat(Period.MONTH.key(lastMinute, BERLIN)).isEqualTo("month:2026-11");
        assertThat(Period.MONTH.key(firstMinute, BERLIN)).isEqualTo("month:2026-12");
        assertThat(Period.ALL.key(firstMinute, BERLIN)).isEqualTo("all");
    }

    @Test
    void parsesUrlNamesAndRefusesOthers() {
        assertThat(Period.fromParam("week")).isEqualTo(Period.WEEK);
        assertThatThrownBy(() -> Period.fromParam("year")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).singleElement().asString().contains("period"));
    }

    @Test
    void levelsGrowByTenMorePointsEachTime() {
        assertThat(Levels.level(0)).isEqualTo(1);
        assertThat(Levels.level(9)).isEqualTo(1);
        assertThat(Levels.level(10)).isEqualTo(2);
        assertThat(Levels.level(30)).isEqualTo(3);
        assertThat(Levels.level(59)).isEqualTo(3);
        assertThat(Levels.progress(20)).isEqualTo(0.5);
    }

    @Test
    void aJudgeBelowZeroPointsIsAtTheStartOfLevelOne() {
        assertThat(Levels.level(-3)).isEqualTo(1);
        assertThat(Levels.progress(-3)).isZero();
    }
}
