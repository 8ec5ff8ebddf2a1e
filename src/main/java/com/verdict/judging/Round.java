package com.verdict.judging;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

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
