package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.catalog.Category;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.PlayerProgress;
import com.verdict.judging.RoundCompleted;
import com.verdict.scoring.AgreementStreak;
import com.verdict.scoring.PointsAwarded;
import com.verdict.scoring.ScoringService;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Streaks, levels and badges: what keeps a judge coming back, kept as the game's events arrive. */
@Component
class Progression implements PlayerProgress {

    static final int GOLD_MASTER_MATCHES = 10;
    static final int AGREEMENTS_IN_A_ROW = 50;

    private final JdbcTemplate jdbc;
    private final JudgingService judging;
    private final ScoringService scoring;
    private final VerdictProperties properties;

    Progression(JdbcTemplate jdbc, JudgingService judging, ScoringService scoring, VerdictProperties properties) {
        this.jdbc = jdbc;
        this.judging = judging;
        this.scoring = scoring;
        this.properties = properties;
    }

    /**
     * A day counts towards the streak when the judge finishes at least one full round on it; a round also
     * tells whether the judge has now judged every category.
     */
    @EventListener
    @Order(1)
    void on(RoundCompleted round) {
        // Checked once a round rather than on every judgment: counting categories reads all the judge's judgments.
        if (!has(round.judgeId(), Badge.ALL_CATEGORIES)
                && judging.categoriesJudged(round.judgeId()) == Category.values().length) {
            award(round.judgeId(), Badge.ALL_CATEGORIES, round.at());
        }
        LocalDate today = round.at().atZone(properties.leaderboard().zone()).toLocalDate();
        List<Object[]> streak = jdbc.query("select current_days, longest_days, last_day from judge_streak "
                        + "where judge_id = ?",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getDate(3).toLocalDate()}, round.judgeId());
        int current;
        if (streak.isEmpty()) {
            current = 1;
            jdbc.update("insert into judge_streak (judge_id, current_days, longest_days, last_day) values (?, 1, 1, ?)",
                    round.judgeId(), Date.valueOf(today));
        } else {
            LocalDate last = (LocalDate) streak.get(0)[2];
            if (!today.isAfter(last)) {
                return;
            }
            current = last.plusDays(1).equals(today) ? (int) streak.get(0)[0] + 1 : 1;
            int longest = Math.max(current, (int) streak.get(0)[1]);
            jdbc.update("update judge_streak set current_days = ?, longest_days = ?, last_day = ? where judge_id = ?",
                    current, longest, Date.valueOf(today), round.judgeId());
        }
        award(round.judgeId(), Badge.FIRST_ROUND, round.at());
        if (current >= 7) {
            award(round.judgeId(), Badge.STREAK_7, round.at());
        }
    }

    @EventListener
    @Order(1)
    void on(JudgmentRecorded judgment) {
        long judgments = judging.judgmentsMade(judgment.judgeId());
        if (judgments >= 100) {
            award(judgment.judgeId(), Badge.JUDGMENTS_100, judgment.at());
        }
        if (judgments >= 1000) {
            award(judgment.judgeId(), Badge.JUDGMENTS_1000, judgment.at());
        }
    }

    @EventListener
    @Order(1)
    void on(PointsAwarded points) {
        if ("GOLD".equals(points.kind()) && points.amount() > 0 && !has(points.judgeId(), Badge.GOLD_MASTER)) {
            if (scoring.goldMatches(points.judgeId()) >= GOLD_MASTER_MATCHES) {
                award(points.judgeId(), Badge.GOLD_MASTER, points.at());
            }
        }
    }

    /** Scoring counts the run of agreements as pairs settle, in settle order, for its streak bonus. */
    @EventListener
    @Order(1)
    void on(AgreementStreak streak) {
        if (streak.longest() >= AGREEMENTS_IN_A_ROW) {
            award(streak.judgeId(), Badge.AGREEMENT_50, streak.at());
        }
    }

    @Override
    public Progress of(long judgeId) {
        // The ledger's total, not the all-time board's: the level must agree with the points shown beside it, which
        // the boards take a fold interval to catch up with.
        long points = judging.pointsMade(judgeId);
        int level = Levels.level(points);
        LocalDate today = LocalDate.now(properties.leaderboard().zone());
        Streak kept = jdbc.query("select current_days, last_day from judge_streak where judge_id = ?",
                (rs, i) -> new Streak(rs.getInt(1), rs.getDate(2).toLocalDate()), judgeId).stream().findFirst()
                .orElse(new Streak(0, null));
        // A streak stands until the day after its last full round ends.
        int streak = kept.lastDay() == null || kept.lastDay().isBefore(today.minusDays(1)) ? 0 : kept.days();
        String week = Period.WEEK.key(Instant.now(), properties.leaderboard().zone());
        long weekRank = jdbc.query("select points from board_score where period_key = ? and judge_id = ?",
                        (rs, i) -> rs.getLong(1), week, judgeId).stream().findFirst()
                .map(p -> 1 + jdbc.queryForObject("select count(*) from board_score where period_key = ? "
                        + "and points > ?", Long.class, week, p))
                .orElse(0L);
        return new Progress(streak, today.equals(kept.lastDay()), level, Levels.threshold(level + 1) - points,
                Levels.progress(points), weekRank,
                badges(judgeId).stream().map(b -> new PlayerProgress.EarnedBadge(b.title(), b.explanation()))
                        .toList());
    }

    private record Streak(int days, LocalDate lastDay) {
    }

    List<Badge> badges(long judgeId) {
        List<String> names = jdbc.queryForList("select badge from judge_badge where judge_id = ? order by earned_at",
                String.class, judgeId);
        return Arrays.stream(Badge.values()).filter(b -> names.contains(b.name())).toList();
    }

    private boolean has(long judgeId, Badge badge) {
        return jdbc.queryForObject("select count(*) from judge_badge where judge_id = ? and badge = ?", Long.class,
                judgeId, badge.name()) > 0;
    }

    private void award(long judgeId, Badge badge, Instant at) {
        if (!has(judgeId, badge)) {
            jdbc.update("insert into judge_badge (judge_id, badge, earned_at) values (?, ?, ?)", judgeId, badge.name(),
                    Timestamp.from(at));
        }
    }
}
