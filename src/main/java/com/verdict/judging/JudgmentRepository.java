package com.verdict.judging;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JudgmentRepository extends JpaRepository<Judgment, Long> {

    Optional<Judgment> findByAssignmentId(long assignmentId);

    @Query("select coalesce(sum(j.points), 0) from Judgment j where j.assignmentId in :assignmentIds")
    long pointsFor(Collection<Long> assignmentIds);
}
