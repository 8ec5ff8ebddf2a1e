package com.verdict.leaderboard;

/** Milestones that matter to the dataset, each with what earns it. */
public enum Badge {
    FIRST_ROUND("First round", "Finished a whole judging round."),
    JUDGMENTS_100("Centurion", "Made 100 judgments: a real contribution to the dataset."),
    JUDGMENTS_1000("Thousand verdicts", "Made 1,000 judgments."),
    ALL_CATEGORIES("All-rounder", "Judged pairs in every one of the eight task categories."),
    STREAK_7("On fire", "Finished a round on 7 days in a row."),
    GOLD_MASTER("Gold master", "Matched the known answer on 10 gold pairs."),
    AGREEMENT_50("Consensus builder", "50 settled pairs in a row where you agreed with the consensus.");

    private final String title;
    private final String explanation;

    Badge(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
