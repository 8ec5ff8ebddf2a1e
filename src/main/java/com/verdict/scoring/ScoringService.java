package com.verdict.scoring;

import com.verdict.catalog.Category;
import com.verdict.judging.Scorekeeper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
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

    // ---- For the dataset export. It reads pages of these inside one snapshot transaction; whatever keeps the
    // consensus must answer them with the same meaning. The plurality tally has no contested state yet, so here
    // every interaction with a decision counts as settled.

    private static final String CONSENSUS = """
            select d.interaction_id, d.best_candidate, d.confidence, d.updated_at,
                (select coalesce(sum(t.a_votes + t.b_votes + t.ties + t.both_bad), 0) from pair_tally t
                 where t.interaction_id = d.interaction_id) as judgments
            from interaction_decision d
            """;

    /**
     * The consensus of settled and contested interactions (not those still open) with ids above
     * {@code afterInteractionId}, in id order: page through with the last id.
     */
    public List<Consensus> consensusPage(long afterInteractionId, int limit) {
        record Decision(long interactionId, Long best, double confidence, Instant at) {
        }
        List<Decision> decisions = jdbc.query("select interaction_id, best_candidate, confidence, updated_at "
                        + "from interaction_decision where interaction_id > ? order by interaction_id fetch first ? rows only",
                (rs, row) -> {
                    long best = rs.getLong(2);
                    return new Decision(rs.getLong(1), rs.wasNull() ? null : best, rs.getDouble(3),
                            rs.getTimestamp(4).toInstant());
                }, afterInteractionId, limit);
        if (decisions.isEmpty()) {
            return List.of();
        }
        // One range scan for the page's vote counts, rather than a lookup per interaction.
        Map<Long, Integer> judgments = new HashMap<>();
        jdbc.query("select interaction_id, sum(a_votes + b_votes + ties + both_bad) from pair_tally "
                        + "where interaction_id > ? and interaction_id <= ? group by interaction_id",
                rs -> {
                    judgments.put(rs.getLong(1), rs.getInt(2));
                }, afterInteractionId, decisions.get(decisions.size() - 1).interactionId());
        List<Consensus> page = new ArrayList<>(decisions.size());
        for (Decision d : decisions) {
            page.add(new Consensus(d.interactionId(), d.best(), d.confidence(),
                    judgments.getOrDefault(d.interactionId(), 0), false, d.at()));
        }
        return page;
    }

    /** The consensus of those of these interactions that have one, by interaction id. */
    public Map<Long, Consensus> consensusOf(Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Consensus> result = new HashMap<>();
        jdbc.query(CONSENSUS + "where d.interaction_id = any(?)", ids(interactionIds),
                rs -> {
                    Consensus consensus = consensus(rs, 0);
                    result.put(consensus.interactionId(), consensus);
                });
        return result;
    }

    /**
     * The pairs of these interactions whose judges preferred one response, in interaction and pair order. A
     * pair goes to the response with a strict plurality of its votes over the other, ties and both-bad.
     */
    public List<PairPreference> pairPreferences(Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return List.of();
        }
        List<PairPreference> result = new ArrayList<>();
        jdbc.query("select pair_id, interaction_id, candidate_a, candidate_b, a_votes, b_votes, ties, both_bad "
                + "from pair_tally where interaction_id = any(?) order by interaction_id, pair_id",
                ids(interactionIds), rs -> {
                    int a = rs.getInt(5), b = rs.getInt(6), ties = rs.getInt(7), bad = rs.getInt(8);
                    int votes = a + b + ties + bad;
                    if (a > b && a > ties && a > bad) {
                        result.add(new PairPreference(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                (double) a / votes, votes));
                    } else if (b > a && b > ties && b > bad) {
                        result.add(new PairPreference(rs.getLong(1), rs.getLong(2), rs.getLong(4), rs.getLong(3),
                                (double) b / votes, votes));
                    }
                });
        return result;
    }

    /** One array parameter for {@code = any(?)}: looked up by index, where H2 scans for a long {@code in} list. */
    private static PreparedStatementSetter ids(Collection<Long> ids) {
        return statement -> statement.setArray(1, statement.getConnection().createArrayOf("BIGINT", ids.toArray()));
    }

    private static Consensus consensus(ResultSet rs, int row) throws SQLException {
        long best = rs.getLong(2);
        return new Consensus(rs.getLong(1), rs.wasNull() ? null : best, rs.getDouble(3), rs.getInt(5), false,
                rs.getTimestamp(4).toInstant());
    }
}
