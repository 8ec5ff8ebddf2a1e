package com.verdict.judging;

import java.time.Instant;

/** A pair dealt to a judge, with which of its candidates is shown on the left. */
record Assignment(long id, long judgeId, long pairId, Long roundId, long leftCandidate, State state,
        Instant dealtAt) {

    /** EXPIRED: left unanswered for the assignment TTL; its slot went back to the pool. */
    enum State { OPEN, JUDGED, SKIPPED, EXPIRED }
}
