package com.verdict.judging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    Optional<Assignment> findFirstByJudgeIdAndStateOrderByIdDesc(long judgeId, Assignment.State state);

    List<Assignment> findByRoundId(long roundId);

    long countByRoundId(long roundId);

    List<Assignment> findTop200ByStateAndDealtAtBeforeOrderByDealtAt(Assignment.State state, Instant dealtBefore);

    /** Closes an open assignment; 0 when it was closed already (a repeated or concurrent submit). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Assignment a set a.state = :state, a.closedAt = :at where a.id = :id and a.state = 'OPEN'")
    int close(long id, Assignment.State state, Instant at);
}
