package com.verdict.judging;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A run of up to {@code size} pairs dealt to one judge, one after another. */
@Entity
class Round {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "round_seq")
    @SequenceGenerator(name = "round_seq", sequenceName = "round_seq", allocationSize = 50)
    private Long id;

    private long judgeId;
    private int size;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant summaryShownAt;

    protected Round() {
    }

    Round(long judgeId, int size) {
        this.judgeId = judgeId;
        this.size = size;
        this.startedAt = Instant.now();
    }

    void finish() {
        if (finishedAt == null) {
            finishedAt = Instant.now();
        }
    }

    /** When the judge was first shown this round's summary: now, unless they were shown it before. */
    Instant summaryShown() {
        if (summaryShownAt == null) {
            // As the database keeps it, so that the same instant bounds the summary when it is shown again.
            summaryShownAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return summaryShownAt;
    }

    Long getId() {
        return id;
    }

    long getJudgeId() {
        return judgeId;
    }

    int getSize() {
        return size;
    }

    boolean isFinished() {
        return finishedAt != null;
    }
}
