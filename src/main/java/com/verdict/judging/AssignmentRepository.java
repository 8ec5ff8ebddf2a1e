package com.verdict.judging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    /**
     * The judge's latest assignment in this state. Ordering by the index's own columns first lets H2 read it
     * from assignment_judge_state instead of going through every assignment the judge ever had.
     */
    @Query("select a from Assignment a where a.judgeId = :judgeId and a.state = :state "
            + "order by a.judgeId, a.state, a.id desc limit 1")
    Optional<Assignment> latest(long judgeId, Assignment.State state);

    List<Assignment> findByRoundId(long roundId);

    long countByRoundId(long roundId);

    long countByRoundIdAndStateNot(long roundId, Assignment.State state);

    List<Assignment> findTop200ByStateAndDealtAtBeforeOrderByDealtAt(Assignment.State state, Instant dealtBefore);

    /** Closes an open assignment; 0 when it was closed already (a repeated or concurrent submit). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Assignment a set a.state = :state, a.closedAt = :at where a.id = :id and a.state = 'OPEN'")
    int close(long id, Assignment.State state, Instant at);
}
