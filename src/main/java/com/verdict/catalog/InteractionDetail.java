package com.verdict.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Everything about one interaction, sources included (for engineers and leads, never for judges):
 * its candidates, its pairs with their judgments, and the current decision if scoring has one.
 */
public record InteractionDetail(long id, String externalId, String instruction, String context, Category category,
        InteractionStatus status, Integer goldBest, String goldWhy, List<String> tags, int judgments,
        Instant createdAt, List<CandidateView> candidates, List<PairDetail> pairs,
        CurrentDecisions.Decision decision) {

    /** {@code gold} if the pair holds the known better response. */
    public record PairDetail(long pairId, CandidateView a, CandidateView b, boolean gold,
            List<JudgmentHistory.PairJudgment> judgments) {
    }

    public boolean deletable() {
        return judgments == 0;
    }
}
