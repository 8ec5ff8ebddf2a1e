package com.verdict.judging;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A judge's verdict on an assignment. It keeps the points it earned so that a repeated submit answers the same. */
@Entity
class Judgment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "judgment_seq")
    @SequenceGenerator(name = "judgment_seq", sequenceName = "judgment_seq", allocationSize = 50)
    private Long id;

    private long assignmentId;
    private long judgeId;
    private long pairId;

    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String reason;
    private long timeOnTaskMs;
    private boolean tooFast;
    private Boolean goldMatched;
    private int points;
    private long totalPoints;
    private Instant createdAt;

    protected Judgment() {
    }

    Judgment(Assignment assignment, Verdict verdict, Outcome outcome, String reason, long timeOnTaskMs,
            boolean tooFast, Boolean goldMatched, Instant createdAt) {
        this.assignmentId = assignment.getId();
        this.judgeId = assignment.getJudgeId();
        this.pairId = assignment.getPairId();
        this.verdict = verdict;
        this.outcome = outcome;
        this.reason = reason;
        this.timeOnTaskMs = timeOnTaskMs;
        this.tooFast = tooFast;
        this.goldMatched = goldMatched;
        this.createdAt = createdAt;
    }

    void rewarded(Scorekeeper.Reward reward) {
        this.points = reward.points();
        this.totalPoints = reward.totalPoints();
    }

    Long getId() {
        return id;
    }

    boolean isTooFast() {
        return tooFast;
    }

    /** Whether the verdict matched a gold pair's known answer; null for other pairs. */
    Boolean getGoldMatched() {
        return goldMatched;
    }

    Scorekeeper.Reward reward() {
        return new Scorekeeper.Reward(points, totalPoints);
    }
}
