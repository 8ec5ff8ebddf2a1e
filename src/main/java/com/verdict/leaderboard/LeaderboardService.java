package com.verdict.leaderboard;

import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.scoring.ScoreRow;
import com.verdict.scoring.ScoringService;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Leaderboards: the leaderboard feature's API. */
@Service
public class LeaderboardService {

    static final int TOP = 20;

    private final ScoringService scoring;
    private final PeopleService people;

    LeaderboardService(ScoringService scoring, PeopleService people) {
        this.scoring = scoring;
        this.people = people;
    }

    /** The all-time top {@value #TOP}, and the viewer's own row. */
    public Board allTime(long viewerId) {
        List<ScoreRow> top = scoring.top(TOP);
        ScoreRow mine = scoring.row(viewerId);
        Map<Long, Person> persons = people.byIds(
                Stream.concat(top.stream().map(ScoreRow::judgeId), Stream.of(viewerId))
                        .toList());
        return new Board(top.stream().map(r -> row(r, persons.get(r.judgeId()))).toList(),
                row(mine, persons.get(viewerId)));
    }

    private static LeaderboardRow row(ScoreRow score, Person person) {
        return new LeaderboardRow(score.rank(), person.username(), person.displayName(), person.team(),
                score.points(), score.judgments());
    }
}
