package com.verdict.judging;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RoundRepository extends JpaRepository<Round, Long> {

    /** When the judge was last shown the summary of another round than this one, before {@code before}. */
    @Query("select max(r.summaryShownAt) from Round r where r.judgeId = :judgeId and r.id <> :roundId "
            + "and r.summaryShownAt < :before")
    Optional<Instant> lastSummaryBefore(long judgeId, long roundId, Instant before);
}
