package com.verdict.scoring;

import com.verdict.base.SequenceIds;
import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Scorekeeper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the score: one ledger row per award, and each judge's totals kept beside it in the same transaction,
 * so that totals always equal the ledger's sums and boards never sum the ledger on a read. A judgment earns
 * its base point if it took at least the minimum reading time, gold points at once, and consensus and streak
 * bonuses when its pair settles. Flagged judges earn no bonus.
 */
@Component
class PointsLedger implements Scorekeeper {

    /** Judges whose totals one statement locks. */
    private static final int LOCK_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SequenceIds ids;
    private final Consensus consensus;
    private final VerdictProperties.Points points;
    private final ApplicationEventPublisher events;

    PointsLedger(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, SequenceIds ids, Consensus consensus,
            VerdictProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.named = named;
        this.ids = ids;
        this.consensus = consensus;
        this.points = properties.points();
    }

    @Override
    public Reward award(JudgmentRecorded judgment) {
        long judgeId = judgment.judgeId();
        ScoreChanges changes = new ScoreChanges();
        changes.judgment(judgeId);
        if (!judgment.tooFast()) {
            changes.award(judgeId, judgment.judgmentId(), judgment.pairId(), PointsKind.BASE, points.base(),
                    judgment.at());
        }
        if (judgment.gold() != null) {
            if (judgment.outcome() != judgment.gold()) {
                changes.award(judgeId, judgment.judgmentId(), judgment.pairId(), PointsKind.GOLD,
                        -points.goldPenalty(), judgment.at());
            } else if (!judgment.tooFast() && !consensus.isFlagged(judgeId)) {
                changes.award(judgeId, judgment.judgmentId(), judgment.pairId(), PointsKind.GOLD, points.goldBonus(),
                        judgment.at());
            }
        }
        consensus.judged(judgment, changes);
        Map<Long, Totals> totals = apply(changes);
        Totals judge = totals.get(judgeId);
        return new Reward(Math.toIntExact(judge.added()), judge.points());
    }

    /**
     * Writes the changes: settled votes become consensus and streak bonuses, every award a ledger row, and each
     * judge's totals move by the same amounts; each award is published, and so is each judge's longest run of
     * agreements reached. Judges' totals are locked in id order, so transactions that touch the same judges never
     * deadlock. Returns the points added per judge, and their totals after.
     */
    Map<Long, Totals> apply(ScoreChanges changes) {
        Map<Long, Totals> before = lockTotals(changes.byJudge().navigableKeySet());
        Map<Long, Totals> after = new HashMap<>();
        List<Object[]> entries = new ArrayList<>();
        List<Object> published = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<Long, ScoreChanges.OfJudge> entry : changes.byJudge().entrySet()) {
            long judgeId = entry.getKey();
            ScoreChanges.OfJudge ofJudge = entry.getValue();
            List<ScoreChanges.Award> awards = new ArrayList<>(ofJudge.awards);
            Totals known = before.getOrDefault(judgeId, Totals.NONE);
            int streak = known.streak();
            AgreementStreak longest = null;
            for (ScoreChanges.Settled settled : ofJudge.settled) {
                if (!settled.agreed()) {
                    streak = 0;
                    continue;
                }
                streak++;
                // The run counts for a flagged judge too, but it earns nothing (no bonus, no badge) while flagged.
                if (settled.earnsBonus() && (longest == null || streak > longest.longest())) {
                    longest = new AgreementStreak(judgeId, streak, settled.at());
                }
                if (settled.earnsBonus()) {
                    awards.add(new ScoreChanges.Award(judgeId, settled.judgmentId(), settled.pairId(),
                            PointsKind.CONSENSUS, points.consensus(), settled.at()));
                    if (streak % points.streakLength() == 0) {
                        awards.add(new ScoreChanges.Award(judgeId, settled.judgmentId(), settled.pairId(),
                                PointsKind.STREAK, points.streakBonus(), settled.at()));
                    }
                }
            }
            long sum = 0;
            Timestamp last = now;
            for (ScoreChanges.Award award : awards) {
                if (award.amount() != 0) {
                    sum += award.amount();
                    last = Timestamp.from(award.at());
                    entries.add(new Object[] {ids.next("points_entry_seq"), judgeId, award.judgmentId(), award.pairId(),
                            award.kind().name(), award.amount(), last});
                    published.add(new PointsAwarded(judgeId, award.judgmentId(), award.kind().name(), award.amount(),
                            award.at()));
                }
            }
            if (longest != null) {
                published.add(longest);
            }
            totals.add(new Object[] {judgeId, sum, ofJudge.judgments, streak, last});
            after.put(judgeId, new Totals(sum, known.points() + sum, streak));
        }
        if (!entries.isEmpty()) {
            jdbc.batchUpdate("insert into points_entry (id, judge_id, judgment_id, pair_id, kind, amount, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", entries);
        }
        published.forEach(events::publishEvent);
        if (!totals.isEmpty()) {
            jdbc.batchUpdate("""
                    merge into judge_score t
                    using (values (cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as int),
                            cast(? as timestamp with time zone))) as s (judge_id, points, judgments, streak, updated_at)
                    on t.judge_id = s.judge_id
                    when matched then update set points = t.points + s.points, judgments = t.judgments + s.judgments,
                        streak = s.streak, updated_at = s.updated_at
                    when not matched then insert (judge_id, points, judgments, streak, updated_at)
                        values (s.judge_id, s.points, s.judgments, s.streak, s.updated_at)""", totals);
        }
        return after;
    }

    /** A judge's points: added by one {@link #apply}, in all, and their run of agreements. */
    record Totals(long added, long points, int streak) {
        static final Totals NONE = new Totals(0, 0, 0);
    }

    @Override
    public Standing standing(long judgeId) {
        return jdbc.query("select points, judgments from judge_score where judge_id = ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, judgeId)
                .stream().findFirst()
                .map(row -> new Standing(row[0], row[1], rankOf(row[0]), rankedJudges()))
                .orElseGet(() -> new Standing(0, 0, rankedJudges() + 1, rankedJudges()));
    }

    @Override
    public long judgments(long judgeId) {
        return totalOf("judgments", judgeId);
    }

    @Override
    public long points(long judgeId) {
        return totalOf("points", judgeId);
    }

    /** One of the judge's running totals; 0 before their first judgment. */
    private long totalOf(String column, long judgeId) {
        return jdbc.queryForList("select " + column + " from judge_score where judge_id = ?", Long.class, judgeId)
                .stream().findFirst().orElse(0L);
    }

    @Override
    public List<Earned> earned(long judgeId, Collection<Long> judgmentIds) {
        if (judgmentIds.isEmpty()) {
            return List.of();
        }
        record Sum(PointsKind kind, boolean gained, long points) {
        }
        List<Sum> sums = named.query("""
                select kind, amount > 0, sum(amount) from points_entry
                where judge_id = :judge and judgment_id in (:judgments) group by kind, amount > 0""",
                Map.of("judge", judgeId, "judgments", judgmentIds),
                (rs, i) -> new Sum(PointsKind.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getLong(3)));
        // Gold shows what was won and what was lost apart; the other kinds only ever add.
        return sums.stream()
                .sorted(Comparator.comparing(Sum::kind).thenComparing(Sum::gained, Comparator.reverseOrder()))
                .map(sum -> new Earned(sum.kind() != PointsKind.GOLD ? sum.kind().label()
                        : sum.gained() ? "Gold bonus" : "Gold penalty", sum.points()))
                .toList();
    }

    @Override
    public Settled settled(long judgeId, Instant after, Instant until, Collection<Long> exceptJudgmentIds) {
        // A vote may bring a consensus and a streak bonus as it settles: count votes, not ledger rows.
        return named.queryForObject("""
                select count(distinct v.judgment_id), count(distinct case when v.agreed then v.judgment_id end),
                    coalesce(sum(e.amount), 0)
                from vote v left join points_entry e on e.judgment_id = v.judgment_id
                    and e.kind in ('CONSENSUS', 'STREAK')
                where v.judge_id = :judge and v.scored_at > :after and v.scored_at <= :until"""
                        + (exceptJudgmentIds.isEmpty() ? "" : " and v.judgment_id not in (:except)"),
                Map.of("judge", judgeId, "after", Timestamp.from(after), "until", Timestamp.from(until),
                        "except", exceptJudgmentIds),
                (rs, i) -> new Settled(rs.getInt(1), rs.getInt(2), rs.getLong(3)));
    }

    long rankOf(long points) {
        return 1 + jdbc.queryForObject("select count(*) from judge_score where points > ?", Long.class, points);
    }

    long rankedJudges() {
        return jdbc.queryForObject("select count(*) from judge_score", Long.class);
    }

    /** Each judge's points and current run of agreements, locking their totals for this transaction, in id order. */
    private Map<Long, Totals> lockTotals(SortedSet<Long> judgeIds) {
        Map<Long, Totals> totals = new HashMap<>();
        List<Long> ids = new ArrayList<>(judgeIds);
        for (int from = 0; from < ids.size(); from += LOCK_BATCH) {
            named.query("select judge_id, points, streak from judge_score where judge_id in (:ids) "
                            + "order by judge_id for update",
                    Map.of("ids", ids.subList(from, Math.min(from + LOCK_BATCH, ids.size()))),
                    rs -> {
                        totals.put(rs.getLong(1), new Totals(0, rs.getLong(2), rs.getInt(3)));
                    });
        }
        return totals;
    }
}
