package com.verdict.judging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JudgmentRepository extends JpaRepository<Judgment, Long> {

    Optional<Judgment> findByAssignmentId(long assignmentId);

    long countByJudgeIdAndCreatedAtGreaterThanEqual(long judgeId, Instant since);

    @Query("select coalesce(sum(j.points), 0) from Judgment j where j.assignmentId in :assignmentIds")
    long pointsFor(Collection<Long> assignmentIds);

    @Query("select j.id from Judgment j where j.assignmentId in :assignmentIds")
    List<Long> idsFor(Collection<Long> assignmentIds);

    @Query("select new com.verdict.judging.GoldAccuracy(count(j), coalesce(sum(case when j.goldMatched = true "
            + "then 1 else 0 end), 0)) from Judgment j where j.judgeId = :judgeId and j.goldMatched is not null")
    GoldAccuracy goldAccuracy(long judgeId);
}
