package com.verdict.scoring;

import java.util.ArrayList;
import com.verdict.catalog.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.verdict.judging.Scorekeeper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scores and decisions: the scoring feature's API. */
@Service
@Transactional(readOnly = true)
public class ScoringService {

    private final JdbcTemplate jdbc;
    private final PointsLedger ledger;

    ScoringService(JdbcTemplate jdbc, PointsLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The best judges of all time, most points first. */
    public List<ScoreRow> top(int limit) {
        List<long[]> rows = jdbc.query("select judge_id, points, judgments from judge_score "
                        + "order by points desc, judgments asc, judge_id fetch first ? rows only",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, limit);
        List<ScoreRow> result = new ArrayList<>(rows.size());
        long rank = 0;
        long previousPoints = Long.MIN_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            long[] row = rows.get(i);
            if (row[1] != previousPoints) {
                rank = i + 1;
                previousPoints = row[1];
            }
            result.add(new ScoreRow(rank, row[0], row[1], row[2]));
        }
        return result;
    }

    /** This judge's row; a judge without points ranks after everyone who has some. */
    public ScoreRow row(long judgeId) {
        Scorekeeper.Standing standing = ledger.standing(judgeId);
        return new ScoreRow(standing.rank(), judgeId, standing.points(), standing.judgments());
    }

    /** Decided interactions with ids above {@code afterInteractionId}, in id order: page through with the last id. */
    public List<DecidedInteraction> decided(long afterInteractionId, int limit) {
        return jdbc.query("select interaction_id, best_candidate, confidence from interaction_decision "
                        + "where best_candidate is not null and interaction_id > ? order by interaction_id "
                        + "fetch first ? rows only",
                (rs, i) -> new DecidedInteraction(rs.getLong(1), rs.getLong(2), rs.getDouble(3)),
                afterInteractionId, limit);
    }

    /** Judges with any points. */
    public long rankedJudges() {
        return ledger.rankedJudges();
    }

    /** How many gold pairs this judge answered as known. */
    public long goldMatches(long judgeId) {
        return jdbc.queryForObject("select count(*) from points_entry where judge_id = ? and kind = 'GOLD' "
                + "and amount > 0", Long.class, judgeId);
    }

    /** Per category: {decided interactions, all interactions}. */
    public Map<Category, long[]> decidedByCategory() {
        Map<Category, long[]> counts = new EnumMap<>(Category.class);
        jdbc.query("select i.category, count(d.best_candidate), count(*) from interaction i "
                + "left join interaction_decision d on d.interaction_id = i.id group by i.category", rs -> {
                    Optional<Category> category = Category.fromKey(rs.getString(1));
                    if (category.isPresent()) {
                        counts.put(category.get(), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                });
        return counts;
    }
}
