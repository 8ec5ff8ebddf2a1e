package com.verdict.scoring;

import com.verdict.base.AuditLog;
import com.verdict.base.SqlArrays;
import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import com.verdict.judging.JudgeFlags;
import com.verdict.judging.Scorekeeper;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Scores, consensus, judge quality and source standings: the scoring feature's API. */
@Service
@Transactional(readOnly = true)
public class ScoringService implements JudgeFlags {

    /** "7 of your last 10 settled pairs": how many recent pairs the agreement sentence looks at. */
    public static final int RECENT_SETTLED = 10;
    private static final long STANDINGS_SEED = 20_240_601L;
    private static final String INTERACTION_COLUMNS =
            "interaction_id, state, outcome, best_candidate, confidence, judgments, pairs, updated_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PointsLedger ledger;
    private final ConsensusRefit refit;
    private final PeopleService people;
    private final VerdictProperties properties;
    private final AuditLog audit;

    ScoringService(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, PointsLedger ledger, ConsensusRefit refit,
            PeopleService people, VerdictProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.named = named;
        this.ledger = ledger;
        this.refit = refit;
        this.people = people;
        this.properties = properties;
        this.audit = audit;
    }

    /** This judge's row; a judge without points ranks after everyone who has some. */
    ScoreRow row(long judgeId) {
        Scorekeeper.Standing standing = ledger.standing(judgeId);
        return new ScoreRow(standing.rank(), judgeId, standing.points(), standing.judgments());
    }

    /**
     * Decided interactions (settled with a best response: not a tie, not both bad) with ids above
     * {@code afterInteractionId}, in id order: page through with the last id.
     */
    List<DecidedInteraction> decided(long afterInteractionId, int limit) {
        return jdbc.query("""
                select interaction_id, best_candidate, confidence, judgments from interaction_decision
                where state = 'SETTLED' and best_candidate is not null and interaction_id > ?
                order by interaction_id fetch first ? rows only""",
                (rs, i) -> new DecidedInteraction(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getInt(4)),
                afterInteractionId, limit);
    }

    /**
     * Decided pairs (settled with a better response: not a tie, not both bad) with ids above {@code afterPairId},
     * in id order, for preference data: page through with the last id.
     */
    List<DecidedPair> decidedPairs(long afterPairId, int limit) {
        return jdbc.query("""
                select pair_id, interaction_id, candidate_a, candidate_b, decision, confidence, judgments
                from pair_tally where state = 'SETTLED' and decision in (0, 1) and pair_id > ?
                order by pair_id fetch first ? rows only""",
                (rs, i) -> {
                    boolean aWins = rs.getInt(5) == Outcomes.A;
                    return new DecidedPair(rs.getLong(1), rs.getLong(2), rs.getLong(aWins ? 3 : 4),
                            rs.getLong(aWins ? 4 : 3), rs.getDouble(6), rs.getInt(7));
                }, afterPairId, limit);
    }

    /** The interaction's consensus; an interaction scoring has never heard of is open. */
    InteractionConsensus consensus(long interactionId) {
        return jdbc.query("select " + INTERACTION_COLUMNS + " from interaction_decision where interaction_id = ?",
                        (rs, i) -> interaction(rs), interactionId)
                .stream().findFirst()
                .orElseGet(() -> new InteractionConsensus(interactionId, ConsensusState.OPEN, null, null, 0, 0, 0,
                        null));
    }

    /** Where the interaction stands: open, settled or contested. */
    ConsensusState status(long interactionId) {
        return consensus(interactionId).state();
    }

    /** Interactions in these states with ids above {@code afterInteractionId}, in id order. */
    List<InteractionConsensus> interactions(long afterInteractionId, int limit, Set<ConsensusState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return named.query("select " + INTERACTION_COLUMNS + " from interaction_decision "
                        + "where state in (:states) and interaction_id > :after order by interaction_id "
                        + "fetch first :limit rows only",
                Map.of("states", states.stream().map(Enum::name).toList(), "after", afterInteractionId,
                        "limit", limit),
                (rs, i) -> interaction(rs));
    }

    /** The consensus of each judged pair of the interaction. */
    List<PairConsensus> pairsOf(long interactionId) {
        return jdbc.query("""
                select pair_id, interaction_id, candidate_a, candidate_b, state, decision, confidence, judgments,
                    gold, settled_at from pair_tally where interaction_id = ? order by pair_id""",
                (rs, i) -> new PairConsensus(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        ConsensusState.valueOf(rs.getString(5)),
                        rs.getObject(6) == null ? null : Decision.of(rs.getInt(6)), rs.getDouble(7), rs.getInt(8),
                        rs.getObject(9) != null, instant(rs.getTimestamp(10))),
                interactionId);
    }

    /** Every judge the last refit assessed: flagged judges first, then by estimated accuracy. */
    List<JudgeQuality> judges() {
        return judgeQuality("", List.of());
    }

    /**
     * The judges this viewer may assess: every judge for an admin, a lead's own team for a lead (as the Team view
     * shows a lead their team alone), none for a lead without a team.
     */
    public List<JudgeQuality> judgesSeenBy(Person viewer) {
        if (viewer.has(Role.ADMIN)) {
            return judges();
        }
        return viewer.team() == null ? List.of()
                : judges().stream().filter(judge -> viewer.team().equals(judge.team())).toList();
    }

    public Optional<JudgeQuality> judge(long judgeId) {
        return judgeQuality("where judge_id = ?", List.of(judgeId)).stream().findFirst();
    }

    /** Krippendorff's alpha at the last refit: overall first, then by category, then by team. */
    public List<Agreement> agreement() {
        return jdbc.query("""
                select scope, name, alpha, units, votes from agreement_alpha
                order by case scope when 'OVERALL' then 0 when 'CATEGORY' then 1 else 2 end, name""",
                (rs, i) -> new Agreement(rs.getString(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getDouble(3), rs.getInt(4), rs.getLong(5)));
    }

    /**
     * How often these judges agreed with the consensus on each of {@code days} days from {@code first} (days in
     * {@code zone}), counting each vote on the day its pair settled, so that a past day's figure never changes.
     */
    public List<DayAgreement> agreementByDay(Collection<Long> judgeIds, LocalDate first, int days, ZoneId zone) {
        int[][] counts = new int[days][2];
        if (!judgeIds.isEmpty() && days > 0) {
            // The days' bounds are worked out here, so the database only compares instants: H2 and PostgreSQL
            // differ in time zone arithmetic.
            List<Object> arguments = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                arguments.addAll(List.of(d, startOf(first.plusDays(d), zone), startOf(first.plusDays(d + 1), zone)));
            }
            arguments.addAll(judgeIds);
            arguments.addAll(List.of(startOf(first, zone), startOf(first.plusDays(days), zone)));
            jdbc.query("""
                    select d.day_index, count(*), sum(case when v.agreed then 1 else 0 end)
                    from vote v join (values %s) as d (day_index, starts_at, ends_at)
                        on v.scored_at >= d.starts_at and v.scored_at < d.ends_at
                    where v.judge_id in (%s) and v.scored_at >= ? and v.scored_at < ?
                    group by d.day_index""".formatted(
                            String.join(", ", Collections.nCopies(days, "(cast(? as int), "
                                    + "cast(? as timestamp with time zone), cast(? as timestamp with time zone))")),
                            String.join(", ", Collections.nCopies(judgeIds.size(), "?"))),
                    rs -> {
                        counts[rs.getInt(1)] = new int[] {rs.getInt(2), rs.getInt(3)};
                    }, arguments.toArray());
        }
        return IntStream.range(0, days)
                .mapToObj(d -> new DayAgreement(first.plusDays(d), counts[d][0], counts[d][1]))
                .toList();
    }

    @Override
    public Optional<String> flagReason(long judgeId) {
        return jdbc.queryForList("select flag_reason from judge_reliability where judge_id = ? and flagged",
                String.class, judgeId).stream().findFirst().map(reason -> reason == null ? "" : reason);
    }

    /** The judge's own score, where it comes from, and how well they agree with the consensus. */
    public MyStats myStats(long judgeId) {
        long[] score = jdbc.query("select points, judgments, streak from judge_score where judge_id = ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, judgeId)
                .stream().findFirst().orElse(new long[3]);
        Map<PointsKind, Long> breakdown = new EnumMap<>(PointsKind.class);
        for (PointsKind kind : PointsKind.values()) {
            breakdown.put(kind, 0L);
        }
        jdbc.query("select kind, sum(amount) from points_entry where judge_id = ? group by kind",
                rs -> {
                    breakdown.put(PointsKind.valueOf(rs.getString(1)), rs.getLong(2));
                }, judgeId);
        int[] settled = jdbc.queryForObject("""
                select count(*), coalesce(sum(case when agreed then 1 else 0 end), 0) from vote
                where judge_id = ? and agreed is not null""",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, judgeId);
        List<Boolean> recent = jdbc.queryForList("""
                select agreed from vote where judge_id = ? and agreed is not null
                order by scored_at desc, judgment_id desc fetch first ? rows only""",
                Boolean.class, judgeId, RECENT_SETTLED);
        int[] gold = jdbc.queryForObject("""
                select count(gold), coalesce(sum(case when outcome = gold then 1 else 0 end), 0),
                    count(case when too_fast then 1 end)
                from vote where judge_id = ?""",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, judgeId);
        String flagReason = flagReason(judgeId).orElse(null);
        String username = people.find(judgeId).map(Person::username).orElse(null);
        return new MyStats(judgeId, username, score[0], score[1], breakdown, settled[0], settled[1], recent.size(),
                (int) recent.stream().filter(Boolean::booleanValue).count(), gold[0], gold[1], (int) score[2],
                gold[2], flagReason);
    }

    /** The points rules in words, as a judge reads them. */
    public List<String> pointsFormula() {
        VerdictProperties.Points points = properties.points();
        return List.of(
                "Each judgment made in at least %s earns %s; quicker ones earn none."
                        .formatted(seconds(properties.judging().minReadingTime()), Words.count(points.base(), "point")),
                "When a pair you judged settles and you agreed with the consensus: +%d."
                        .formatted(points.consensus()),
                "Gold pairs, whose answer is known: +%d for matching it, −%d for missing it."
                        .formatted(points.goldBonus(), points.goldPenalty()),
                "Every %d agreements with the consensus in a row: +%d more."
                        .formatted(points.streakLength(), points.streakBonus()),
                "A judge with %d judgments or more whose estimated accuracy falls below %.0f%% earns no bonuses "
                        .formatted(properties.scoring().flagAfter(), properties.scoring().flagBelow() * 100)
                        + "until it recovers.");
    }

    /** Model standings: a Bradley–Terry rating per candidate source with its 95% interval, best first. */
    public List<SourceStanding> standings() {
        return SourceStandings.of(matchups(), STANDINGS_SEED);
    }

    /**
     * Decided pairs between each two sources (names in order): settled pairs with a better response or a tie;
     * contested and both-bad pairs, and pairs of one source with itself, are left out.
     */
    public List<SourceMatchup> matchups() {
        Map<List<String>, int[]> counts = new TreeMap<>((x, y) -> {
            int first = x.get(0).compareTo(y.get(0));
            return first != 0 ? first : x.get(1).compareTo(y.get(1));
        });
        jdbc.query("""
                select source_a, source_b, decision, count(*) from pair_tally
                where state = 'SETTLED' and decision in (0, 1, 2) and source_a <> source_b
                group by source_a, source_b, decision""", rs -> {
            String a = rs.getString(1);
            String b = rs.getString(2);
            int decision = rs.getInt(3);
            boolean inOrder = a.compareTo(b) < 0;
            int[] row = counts.computeIfAbsent(inOrder ? List.of(a, b) : List.of(b, a), k -> new int[3]);
            int column = decision == Outcomes.TIE ? 2 : (decision == Outcomes.A) == inOrder ? 0 : 1;
            row[column] += rs.getInt(4);
        });
        return counts.entrySet().stream()
                .map(e -> new SourceMatchup(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .toList();
    }

    /**
     * Refits every judge's reliability over all judgments now, and brings every decision up to date. Runs in
     * its own short transactions; a call while one runs waits for it, then runs again.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public RefitSummary refit() {
        RefitSummary summary = refit.refit();
        // On demand only: the scheduled refits would bury the admins' actions.
        audit.record("scoring.refit", "%d judgments, %d judges flagged, decisions changed: %d pairs, %d interactions"
                .formatted(summary.judgments(), summary.flaggedJudges(), summary.pairsChanged(),
                        summary.interactionsChanged()));
        return summary;
    }

    /** What the last full refit did, if one ever ran. */
    public Optional<RefitSummary> lastRefit() {
        return jdbc.query("""
                select judgments, judges, pairs, iterations, settled, contested, flagged, pairs_changed,
                    interactions_changed, millis, fitted_at from scoring_model where id = 1""",
                (rs, i) -> new RefitSummary(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10),
                        instant(rs.getTimestamp(11))))
                .stream().findFirst();
    }

    private static InteractionConsensus interaction(ResultSet rs) throws SQLException {
        String outcome = rs.getString(3);
        return new InteractionConsensus(rs.getLong(1), ConsensusState.valueOf(rs.getString(2)),
                outcome == null ? null : InteractionOutcome.valueOf(outcome),
                rs.getObject(4) == null ? null : rs.getLong(4), rs.getDouble(5), rs.getInt(6), rs.getInt(7),
                instant(rs.getTimestamp(8)));
    }

    private List<JudgeQuality> judgeQuality(String where, Collection<Object> arguments) {
        record Row(long judgeId, int judgments, double accuracy, int goldJudgments, int goldMatched, Double leftShare,
                Double leftWarranted, double tooFastShare, long medianTimeMs, int settled, int agreed, boolean flagged,
                String reason) {
        }
        List<Row> rows = jdbc.query("""
                select judge_id, judgments, accuracy, gold_judgments, gold_matched, left_share, left_warranted,
                    too_fast_share, median_time_ms, settled, agreed, flagged, flag_reason
                from judge_reliability %s order by flagged desc, accuracy, judge_id""".formatted(where),
                (rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        nullable(rs, 6), nullable(rs, 7), rs.getDouble(8), rs.getLong(9), rs.getInt(10),
                        rs.getInt(11), rs.getBoolean(12), rs.getString(13)),
                arguments.toArray());
        Map<Long, Person> persons = people.byIds(rows.stream().map(Row::judgeId).collect(Collectors.toSet()));
        return rows.stream().filter(r -> persons.containsKey(r.judgeId())).map(r -> {
            Person person = persons.get(r.judgeId());
            return new JudgeQuality(r.judgeId(), person.username(), person.displayName(), person.team(),
                    r.judgments(), r.accuracy(),
                    r.goldJudgments() == 0 ? null : (double) r.goldMatched() / r.goldJudgments(), r.goldJudgments(),
                    r.leftShare(), r.leftWarranted(),
                    r.leftShare() == null || r.leftWarranted() == null ? null : r.leftShare() - r.leftWarranted(),
                    r.tooFastShare(), r.medianTimeMs(), r.settled() == 0 ? null : (double) r.agreed() / r.settled(),
                    r.settled(), r.flagged(), r.reason());
        }).toList();
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp startOf(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** How many gold pairs this judge answered as known. */
    public long goldMatches(long judgeId) {
        return jdbc.queryForObject("select count(*) from points_entry where judge_id = ? and kind = 'GOLD' "
                + "and amount > 0", Long.class, judgeId);
    }

    // ---- For the dataset export. It reads pages of these inside one snapshot transaction.

    private static final String CONSENSUS = """
            select d.interaction_id, d.best_candidate, d.confidence, d.updated_at, d.judgments, d.state
            from interaction_decision d
            """;

    /**
     * The consensus of settled and contested interactions (not those still open) with ids above
     * {@code afterInteractionId}, in id order: page through with the last id. A contested interaction's
     * {@code bestCandidateId} is the response its judges lean to, if they lean to one.
     */
    public List<ExportedConsensus> consensusPage(long afterInteractionId, int limit) {
        return withLeaders(jdbc.query(CONSENSUS + "where d.interaction_id > ? and d.state <> 'OPEN' "
                + "order by d.interaction_id fetch first ? rows only", ScoringService::exportedConsensus,
                afterInteractionId, limit));
    }

    /**
     * The consensus of these interactions, open ones too, by interaction id, for raw judgments: a contested
     * interaction's {@code bestCandidateId} stays null here, as no judgment record names it.
     */
    public Map<Long, ExportedConsensus> consensusOf(Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ExportedConsensus> result = new HashMap<>();
        jdbc.query(CONSENSUS + "where d.interaction_id = any(?)", SqlArrays.ids(interactionIds), rs -> {
            ExportedConsensus consensus = exportedConsensus(rs, 0);
            result.put(consensus.interactionId(), consensus);
        });
        return result;
    }

    /**
     * Contested interactions store no best response (none is decided); the export names the one their judges
     * lean to ({@link InteractionRanking#leaning}), for exports that ask for contested interactions.
     */
    private List<ExportedConsensus> withLeaders(List<ExportedConsensus> consensus) {
        List<Long> contested = consensus.stream().filter(ExportedConsensus::contested)
                .map(ExportedConsensus::interactionId).toList();
        if (contested.isEmpty()) {
            return consensus;
        }
        Map<Long, List<InteractionRanking.JudgedPair>> pairs = new HashMap<>();
        jdbc.query("select interaction_id, " + Consensus.PAIR_COLUMNS + " from pair_tally "
                + "where interaction_id = any(?) order by interaction_id, pair_id", SqlArrays.ids(contested), rs -> {
                    pairs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(Consensus.judgedPair(rs, 2));
                });
        return consensus.stream().map(c -> !c.contested() ? c : new ExportedConsensus(c.interactionId(),
                InteractionRanking.leaning(pairs.getOrDefault(c.interactionId(), List.of())).orElse(null),
                c.confidence(), c.judgments(), true, c.decidedAt())).toList();
    }

    /**
     * The pairs of these interactions whose consensus prefers one response, settled or contested (not open), in
     * interaction and pair order, with the consensus's confidence and the pair's judgments.
     */
    public List<PairPreference> pairPreferences(Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return List.of();
        }
        List<PairPreference> result = new ArrayList<>();
        jdbc.query("select pair_id, interaction_id, candidate_a, candidate_b, decision, confidence, judgments, state, "
                + "settled_at from pair_tally where interaction_id = any(?) and state <> 'OPEN' and decision in (?, ?) "
                + "order by interaction_id, pair_id", statement -> {
                    SqlArrays.bindIds(statement, 1, interactionIds);
                    statement.setInt(2, Outcomes.A);
                    statement.setInt(3, Outcomes.B);
                }, rs -> {
                    boolean aWins = rs.getInt(5) == Outcomes.A;
                    result.add(new PairPreference(rs.getLong(1), rs.getLong(2), aWins ? rs.getLong(3) : rs.getLong(4),
                            aWins ? rs.getLong(4) : rs.getLong(3), rs.getDouble(6), rs.getInt(7),
                            "CONTESTED".equals(rs.getString(8)), instantOrNull(rs.getTimestamp(9))));
                });
        return result;
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static ExportedConsensus exportedConsensus(ResultSet rs, int row) throws SQLException {
        long best = rs.getLong(2);
        return new ExportedConsensus(rs.getLong(1), rs.wasNull() ? null : best, rs.getDouble(3), rs.getInt(5),
                "CONTESTED".equals(rs.getString(6)), rs.getTimestamp(4).toInstant());
    }
}
