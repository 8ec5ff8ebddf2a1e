package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Model standings on sources of known strength, judged through the real judging service. */
@VerdictTest
class StandingsTests {

    private static final Map<String, Double> STRENGTH = Map.of("strong", 4.0, "medium", 2.0, "weak", 1.0);
    private static final List<List<String>> MATCHUPS = List.of(List.of("strong", "medium"),
            List.of("medium", "weak"), List.of("strong", "weak"));

    @Autowired
    JudgingService judging;
    @Autowired
    ScoringService scoring;
    @Autowired
    TestData data;

    @Test
    void standingsFollowTheSourcesStrengthAndLeaveOutBothBadPairs() {
        data.clearCatalog();
        SplittableRandom random = new SplittableRandom(5);
        Map<String, Integer> truth = new HashMap<>();
        Map<List<String>, int[]> expected = new HashMap<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 63; i++) {
            List<String> matchup = MATCHUPS.get(i % 3);
            boolean swapped = random.nextBoolean();
            String first = matchup.get(swapped ? 1 : 0);
            String second = matchup.get(swapped ? 0 : 1);
            String id = "standing-" + i;
            lines.append(line(id, first, second)).append('\n');
            if (i >= 60) {
                truth.put(id, Outcomes.BOTH_BAD);
                continue;
            }
            double firstWins = STRENGTH.get(first) / (STRENGTH.get(first) + STRENGTH.get(second));
            boolean firstWon = random.nextDouble() < firstWins;
            truth.put(id, firstWon ? Outcomes.A : Outcomes.B);
            String winner = firstWon ? first : second;
            int[] counts = expected.computeIfAbsent(matchup.stream().sorted().toList(), k -> new int[2]);
            counts[winner.equals(matchup.stream().sorted().toList().get(0)) ? 0 : 1]++;
        }
        data.importJsonl(lines.toString());
        for (int j = 0; j < 3; j++) {
            Person judge = data.user("perfect");
            Optional<Deal> deal;
            while ((deal = judging.next(judge.id(), null)).isPresent()) {
                judging.judge(judge.id(), deal.get().assignmentId(),
                        Judges.verdictFor(deal.get(), truth.get(deal.get().interactionId())), null);
            }
        }

        List<SourceMatchup> matchups = scoring.matchups();
        assertThat(matchups).hasSize(3).allSatisfy(m -> {
            int[] counts = expected.get(List.of(m.a(), m.b()));
            assertThat(new int[] {m.aWins(), m.bWins(), m.ties()}).containsExactly(counts[0], counts[1], 0);
        });
        List<SourceStanding> standings = scoring.standings();
        assertThat(standings).extracting(SourceStanding::source).containsExactly("strong", "medium", "weak");
        assertThat(standings).allSatisfy(s -> assertThat(s.rating()).isBetween(s.ciLow(), s.ciHigh()));
        assertThat(standings.stream().mapToInt(s -> s.wins() + s.losses() + s.ties()).sum()).isEqualTo(2 * 60);
    }

    private static String line(String id, String firstSource, String secondSource) {
        return "{\"id\": \"" + id + "\", \"instruction\": \"Question " + id + "?\", \"category\": \"open_qa\", "
                + "\"responses\": [{\"text\": \"One answer\", \"source\": \"" + firstSource + "\"}, "
                + "{\"text\": \"Another answer\", \"source\": \"" + secondSource + "\"}]}";
    }
}
