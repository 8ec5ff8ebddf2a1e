package com.verdict.judging;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** A pair dealt to a judge, with which of its candidates is shown on the left. */
@Entity
class Assignment {

    /** EXPIRED: left unanswered for the assignment TTL; its slot went back to the pool. */
    enum State { OPEN, JUDGED, SKIPPED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_seq")
    @SequenceGenerator(name = "assignment_seq", sequenceName = "assignment_seq", allocationSize = 50)
    private Long id;

    private long judgeId;
    private long pairId;
    private Long roundId;
    private long leftCandidate;

    @Enumerated(EnumType.STRING)
    private State state = State.OPEN;

    private Instant dealtAt;
    private Instant closedAt;

    protected Assignment() {
    }

    Assignment(long judgeId, long pairId, Long roundId, long leftCandidate) {
        this.judgeId = judgeId;
        this.pairId = pairId;
        this.roundId = roundId;
        this.leftCandidate = leftCandidate;
        this.dealtAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    long getJudgeId() {
        return judgeId;
    }

    long getPairId() {
        return pairId;
    }

    Long getRoundId() {
        return roundId;
    }

    long getLeftCandidate() {
        return leftCandidate;
    }

    State getState() {
        return state;
    }

    Instant getDealtAt() {
        return dealtAt;
    }
}
