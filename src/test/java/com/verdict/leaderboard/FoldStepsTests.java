package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldStepsTests {

    @Test
    void eachStepHoldsAtMostSoManyJudgesAndAllOfEachJudgesScores() {
        List<BoardScore> scores = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            scores.add(new BoardScore(i % 45, List.of("all"), Instant.EPOCH, i, 1));
        }

        List<List<BoardScore>> steps = PendingScores.byJudges(scores, 20);

        assertThat(steps).hasSize(3);
        Set<Long> seen = new HashSet<>();
        for (List<BoardScore> step : steps) {
            Set<Long> judges = new HashSet<>();
            step.forEach(score -> judges.add(score.judgeId()));
            assertThat(judges).hasSizeLessThanOrEqualTo(20);
            assertThat(seen).as("judges of earlier steps").doesNotContainAnyElementsOf(judges);
            seen.addAll(judges);
        }
        assertThat(steps.stream().mapToInt(List::size).sum()).isEqualTo(95);
        assertThat(PendingScores.byJudges(List.of(), 20)).isEmpty();
    }
}
