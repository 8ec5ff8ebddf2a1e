package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceStandingsTests {

    /** Each source twice as strong as the next: 120 rating points apart (400 · log10 2). */
    private static final String[] SOURCES = {"alpha", "beta", "gamma", "delta"};
    private static final double[] STRENGTH = {8, 4, 2, 1};

    /** Every two sources met {@code games} times, each winning its expected share. */
    private static List<SourceMatchup> expectedResults(int games) {
        List<SourceMatchup> matchups = new ArrayList<>();
        for (int i = 0; i < SOURCES.length; i++) {
            for (int j = i + 1; j < SOURCES.length; j++) {
                int aWins = (int) Math.round(games * STRENGTH[i] / (STRENGTH[i] + STRENGTH[j]));
                matchups.add(new SourceMatchup(SOURCES[i], SOURCES[j], aWins, games - aWins, 0));
            }
        }
        return matchups;
    }

    @Test
    void ratingsRecoverAKnownOrderAndItsDistances() {
        List<SourceStanding> standings = SourceStandings.of(expectedResults(600), 1);

        assertThat(standings).extracting(SourceStanding::source).containsExactly(SOURCES);
        for (int i = 0; i + 1 < standings.size(); i++) {
            assertThat(standings.get(i).rating() - standings.get(i + 1).rating()).isCloseTo(120.4, within(8.0));
        }
        assertThat(standings.stream().mapToDouble(SourceStanding::rating).average().orElseThrow())
                .isCloseTo(1000, within(1e-6));
        for (SourceStanding standing : standings) {
            assertThat(standing.ciLow()).isLessThan(standing.rating());
            assertThat(standing.ciHigh()).isGreaterThan(standing.rating());
            assertThat(standing.ciHigh() - standing.ciLow()).isLessThan(60);
            assertThat(standing.wins() + standing.losses() + standing.ties()).isEqualTo(1800);
        }
        assertThat(standings.get(0).ciLow()).isGreaterThan(standings.get(1).ciHigh());
    }

    @Test
    void fewerGamesGiveWiderIntervals() {
        double narrow = width(SourceStandings.of(expectedResults(600), 1).get(0));
        double wide = width(SourceStandings.of(expectedResults(30), 1).get(0));

        assertThat(wide).isGreaterThan(2 * narrow);
    }

    @Test
    void tiesCountHalfAWinToEach() {
        List<SourceStanding> standings = SourceStandings.of(List.of(new SourceMatchup("a", "b", 10, 0, 20)), 1);

        assertThat(standings.get(0).source()).isEqualTo("a");
        assertThat(standings.get(0).wins()).isEqualTo(10);
        assertThat(standings.get(0).ties()).isEqualTo(20);
        assertThat(standings.get(1).losses()).isEqualTo(10);
    }

    @Test
    void aSourceThatNeverLostStillGetsAFiniteRating() {
        List<SourceStanding> standings = SourceStandings.of(List.of(new SourceMatchup("a", "b", 12, 0, 0)), 1);

        assertThat(standings.get(0).rating()).isFinite().isGreaterThan(1100);
        assertThat(standings.get(1).rating()).isFinite();
    }

    @Test
    void theIntervalIsRepeatable() {
        assertThat(SourceStandings.of(expectedResults(40), 5)).isEqualTo(SourceStandings.of(expectedResults(40), 5));
        assertThat(SourceStandings.of(List.of(), 5)).isEmpty();
    }

    private static double width(SourceStanding standing) {
        return standing.ciHigh() - standing.ciLow();
    }
}
