package com.verdict.judging;

import java.util.List;

/**
 * What the game shows a judge about their progress beyond points: streak, level, badges, rank on the
 * boards. The leaderboard feature provides it; judging only displays it.
 */
public interface PlayerProgress {

    Progress of(long judgeId);

    /**
     * {@code streakDays} counts today once it has a full round ({@code streakKeptToday}), and stands till the day
     * after; {@code levelProgress} is 0..1 towards the next level; {@code weekRank} is 0 when unranked this week.
     */
    record Progress(int streakDays, boolean streakKeptToday, int level, long pointsToNextLevel, double levelProgress,
            long weekRank, List<EarnedBadge> badges) {
    }

    /** A badge the judge holds, with what earned it. */
    record EarnedBadge(String title, String earnedFor) {
    }
}
