package com.verdict.judging;

import com.verdict.base.AfterCommit;
import com.verdict.base.ApiException;
import com.verdict.base.StoredText;
import com.verdict.base.VerdictProperties;
import com.verdict.catalog.CandidateView;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.PairContent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals pairs to judges and records their verdicts: the judging feature's API. Every method takes the
 * judge's id and acts only on that judge's assignments and rounds.
 */
@Service
@Transactional
public class JudgingService {

    static final int MAX_REASON_CHARS = 500;
    /** How strongly a judge's gold debt raises the chance of gold: higher is more regular but more predictable. */
    static final double GOLD_CATCH_UP = 0.3;
    /** Reads, a millisecond apart, of what a concurrent submit of the same assignment has just committed. */
    private static final int CONCURRENT_COMMIT_READS = 200;

    private final PairPool pool;
    private final Assignments assignments;
    private final Judgments judgments;
    private final RoundRepository rounds;
    private final CatalogService catalog;
    private final Scorekeeper scorekeeper;
    private final VerdictProperties properties;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Timer timeOnTask;

    JudgingService(PairPool pool, Assignments assignments, Judgments judgments,
            RoundRepository rounds, CatalogService catalog, Scorekeeper scorekeeper, VerdictProperties properties,
            MeterRegistry meters, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.pool = pool;
        this.assignments = assignments;
        this.judgments = judgments;
        this.rounds = rounds;
        this.catalog = catalog;
        this.scorekeeper = scorekeeper;
        this.properties = properties;
        this.meters = meters;
        this.events = events;
        this.jdbc = jdbc;
        this.timeOnTask = Timer.builder("verdict.judging.time-on-task")
                .description("Time from dealing a pair to its judgment")
                .publishPercentileHistogram()
                .register(meters);
    }

    public int roundSize() {
        return properties.rounds().size();
    }

    /** Starts a round; a 429 ({@link DailyCapReached}) when the judge has made today's cap of judgments. */
    public RoundProgress startRound(long judgeId) {
        refuseAtDailyCap(judgeId);
        Round round = rounds.save(new Round(judgeId, properties.rounds().size()));
        return progress(round);
    }

    public RoundProgress progress(long judgeId, long roundId) {
        return progress(round(judgeId, roundId));
    }

    /**
     * The judge's open assignment if they have one (so a reload or a retry resumes it), else a newly dealt
     * pair; empty when nothing is left for this judge or the round is complete. An open assignment older
     * than the assignment TTL expires here and a new pair is dealt instead. A judge who has made today's cap of
     * judgments is dealt no new pair ({@link DailyCapReached}), though an open assignment still resumes.
     */
    // An overdue assignment expired on the way stays expired when the cap refuses the deal: its slot goes back.
    @Transactional(noRollbackFor = DailyCapReached.class)
    public Optional<Deal> next(long judgeId, Long roundId) {
        Round round = roundId == null ? null : round(judgeId, roundId);
        Instant now = Instant.now();
        Optional<Assignment> open = assignments.latest(judgeId, Assignment.State.OPEN);
        if (open.isPresent() && overdue(open.get(), now)) {
            expire(open.get(), now);
            open = Optional.empty();
        }
        if (open.isPresent() && (round == null || round.getId().equals(open.get().roundId()))) {
            return Optional.of(deal(open.get(), round));
        }
        if (round != null && (round.isFinished() || assignments.countOfRound(round.getId()) >= round.getSize())) {
            round.finish();
            return Optional.empty();
        }
        refuseAtDailyCap(judgeId);
        Optional<Long> pairId = dealPair(judgeId);
        if (pairId.isEmpty()) {
            if (round != null) {
                round.finish();
            }
            return Optional.empty();
        }
        PairContent pair = catalog.pair(pairId.get()).orElseThrow();
        long left = ThreadLocalRandom.current().nextBoolean() ? pair.a().id() : pair.b().id();
        Assignment assignment = assignments.deal(judgeId, pair.pairId(), pair.interactionId(),
                round == null ? null : round.getId(), left);
        return Optional.of(deal(assignment, pair, round));
    }

    /**
     * The round a judge left with a pair on screen (a reload, a closed tab, another view): its open assignment is
     * in it and not overdue. Empty when there is none. A new round would deal around that assignment and leave it
     * holding its pair's slot until it expired.
     */
    @Transactional(readOnly = true)
    public Optional<RoundProgress> unfinishedRound(long judgeId) {
        Instant now = Instant.now();
        return assignments.latest(judgeId, Assignment.State.OPEN)
                .filter(open -> open.roundId() != null && !overdue(open, now))
                .flatMap(open -> rounds.findById(open.roundId()))
                .filter(round -> !round.isFinished())
                .map(this::progress);
    }

    /**
     * Whether a round started now would show this judge a pair: an open one to resume, or a pair of an interaction
     * they have not been dealt (gold comes only alongside those, as in {@link #dealPair}).
     */
    @Transactional(readOnly = true)
    public boolean hasPairFor(long judgeId) {
        return assignments.latest(judgeId, Assignment.State.OPEN).isPresent() || !pool.choicesFor(judgeId).isEmpty();
    }

    /** Counts today's judgments in the leaderboard zone, so the cap resets when the day boards do. */
    private void refuseAtDailyCap(long judgeId) {
        int cap = properties.judging().dailyCap();
        if (cap == 0) {
            return;
        }
        ZoneId zone = properties.leaderboard().zone();
        LocalDate today = LocalDate.now(zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        if (judgments.countSince(judgeId, dayStart) >= cap) {
            throw new DailyCapReached(cap, today.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    /**
     * Takes a slot for the judge: now and then a gold pair, else the least judged, oldest open pair of an
     * interaction they have not been dealt a pair of. Gold comes at the gold rate, nudged by how far the judge is
     * behind or ahead of their share, so that each judge's count stays close to the rate at times nobody can
     * predict. Gold comes only alongside real work: with no other pair left for the judge, nothing is dealt.
     */
    private Optional<Long> dealPair(long judgeId) {
        List<Long> choices = pool.choicesFor(judgeId);
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        double rate = properties.judging().goldRate();
        double owed = rate == 0 ? 0 : pool.goldOwed(judgeId);
        double chance = Math.min(1, Math.max(0, rate + GOLD_CATCH_UP * owed));
        if (ThreadLocalRandom.current().nextDouble() < chance) {
            Optional<Long> gold = pool.takeFirst(pool.goldChoicesFor(judgeId), true);
            if (gold.isPresent()) {
                pool.goldOwed(judgeId, owed + rate - 1);
                return gold;
            }
        }
        Optional<Long> pair = pool.takeFirst(choices, false);
        if (pair.isPresent() && rate > 0) {
            // Owing more than one gold pair (none was left to deal) must not turn into a run of them later.
            pool.goldOwed(judgeId, Math.min(owed + rate, 1));
        }
        return pair;
    }

    /**
     * Records the verdict on an open assignment of this judge. Submitting the same verdict again (double click,
     * retry) returns the first result and changes nothing; a different one (a second tab, a script's bug) is a 409
     * that names the verdict that stands, so that nobody believes a verdict recorded that was not. An assignment
     * older than the assignment TTL is expired (kept so, though the call fails) and refused with a 409.
     */
    @Transactional(noRollbackFor = {AssignmentExpired.class, AssignmentGone.class, AssignmentJudged.class})
    public JudgmentResult judge(long judgeId, long assignmentId, Verdict verdict, String reason) {
        if (verdict == null) {
            throw ApiException.badRequest("Invalid judgment", List.of("verdict: is required"));
        }
        String trimmedReason = reason == null || reason.isBlank() ? null : reason.strip();
        List<String> problems = new ArrayList<>();
        if (trimmedReason != null && trimmedReason.length() > MAX_REASON_CHARS) {
            problems.add("reason: at most " + MAX_REASON_CHARS + " characters");
        }
        StoredText.check("reason", trimmedReason, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid judgment", problems);
        }
        Assignment assignment = assignment(judgeId, assignmentId);
        PairContent pair = catalog.pair(assignment.pairId()).orElseThrow();
        // An assignment is closed in the transaction that records its judgment: an open one has none yet.
        Optional<Judgment> earlier = assignment.state() == Assignment.State.OPEN ? Optional.empty()
                : judgments.ofAssignment(assignmentId);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), verdict, assignment, pair);
        }
        Instant now = Instant.now();
        if (assignment.state() == Assignment.State.OPEN && overdue(assignment, now)) {
            expire(assignment, now);
            throw expired(assignmentId);
        }
        if (!assignments.close(assignmentId, Assignment.State.JUDGED, now)) {
            Assignment.State closedAs = awaitCommitted("the closed state of assignment " + assignmentId,
                    () -> assignments.find(assignmentId).map(Assignment::state)
                            .filter(state -> state != Assignment.State.OPEN));
            if (closedAs == Assignment.State.JUDGED) {
                return repeated(awaitCommitted("the judgment of assignment " + assignmentId,
                        () -> judgments.ofAssignment(assignmentId)), verdict, assignment, pair);
            }
            throw closedAs == Assignment.State.EXPIRED ? expired(assignmentId) : new ApiException(HttpStatus.CONFLICT,
                    "Assignment " + assignmentId + " was skipped; it can no longer be judged");
        }
        boolean aShownLeft = assignment.leftCandidate() == pair.a().id();
        Outcome outcome = Outcome.of(verdict, aShownLeft);
        Outcome gold = gold(pair);
        Duration onTask = Duration.between(assignment.dealtAt(), now);
        boolean tooFast = onTask.compareTo(properties.judging().minReadingTime()) < 0;
        Boolean goldMatched = gold == null ? null : gold == outcome;
        long judgmentId = judgments.record(assignment, verdict, outcome, trimmedReason, onTask.toMillis(), tooFast,
                goldMatched, now);
        JudgmentRecorded recorded = new JudgmentRecorded(judgmentId, judgeId, pair.pairId(),
                pair.interactionId(), pair.a().id(), pair.b().id(), outcome, gold, aShownLeft, onTask, tooFast,
                now);
        Scorekeeper.Reward reward = scorekeeper.award(recorded);
        judgments.rewarded(judgmentId, reward);
        events.publishEvent(recorded);
        closedInRound(assignment, now);
        // Metrics count what was committed, not what a rolled-back transaction tried.
        AfterCommit.run(() -> {
            meters.counter("verdict.judgments", "verdict", verdict.name()).increment();
            timeOnTask.record(onTask);
        });
        return result(new Judgment(judgmentId, verdict, tooFast, goldMatched, reward), assignment, pair);
    }

    /**
     * What a concurrent submit of the same assignment committed. H2 does not show a commit's rows all at once:
     * the update that lost the race may still read the assignment open, and its judgment may show a moment after
     * the judged assignment. So this reads again, a millisecond apart, until the row is there.
     */
    private static <T> T awaitCommitted(String what, Supplier<Optional<T>> read) {
        for (int attempt = 1; ; attempt++) {
            Optional<T> found = read.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (attempt == CONCURRENT_COMMIT_READS) {
                throw new IllegalStateException("A concurrent submit committed, but " + what
                        + " was not visible after " + attempt + " reads");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading " + what, e);
            }
        }
    }

    /**
     * {@link #judge}, then {@link #next} outside any round, in the same transaction: one trip per pair for a judge
     * who judges pair after pair. The next pair is empty when none could be dealt: nothing is left for the judge,
     * or the judgment reached today's cap. A retry returns the first result and the pair it dealt, still open.
     */
    @Transactional(noRollbackFor = {AssignmentExpired.class, AssignmentGone.class, AssignmentJudged.class})
    public JudgedThenDealt judgeThenDeal(long judgeId, long assignmentId, Verdict verdict, String reason) {
        JudgmentResult judged = judge(judgeId, assignmentId, verdict, reason);
        try {
            return new JudgedThenDealt(judged, next(judgeId, null));
        } catch (DailyCapReached e) {
            return new JudgedThenDealt(judged, Optional.empty());
        }
    }

    /**
     * The round's summary. Showing it is what "last time" means for the consensus results it reports: the first
     * call marks the round's summary shown, and a later call reports the same.
     */
    public RoundSummary summary(long judgeId, long roundId) {
        Round round = round(judgeId, roundId);
        Instant shown = round.summaryShown();
        // Before their first summary, everything that ever settled for the judge arrived since last time.
        Instant lastTime = rounds.lastSummaryBefore(judgeId, roundId, shown).orElse(Instant.EPOCH);
        List<Long> assignmentIds = assignments.ofRound(roundId).stream().map(Assignment::id).toList();
        List<Long> judged = assignmentIds.isEmpty() ? List.of() : judgments.idsFor(assignmentIds);
        return new RoundSummary(progress(round), judged.size(), judgments.tooFastAmong(judged),
                scorekeeper.earned(judgeId, judged),
                scorekeeper.settled(judgeId, lastTime, shown, judged));
    }

    /** One page of overdue assignments: how many were found (a full page means more may wait), how many expired. */
    record ExpiredPage(int found, int expired) {

        boolean full() {
            return found == Assignments.OVERDUE_PAGE;
        }
    }

    /**
     * Expires a page of the open assignments dealt before {@code dealtBefore}, in one transaction of its own (a
     * backlog after an outage must not hold its pool rows from the judging desk all at once): their slots go back
     * to the pool and a late judgment of them is refused.
     */
    ExpiredPage expireOverduePage(Instant dealtBefore) {
        Instant now = Instant.now();
        List<Assignment> overdue = assignments.overdue(dealtBefore);
        int expired = 0;
        for (Assignment assignment : overdue) {
            if (expire(assignment, now)) {
                expired++;
            }
        }
        if (expired > 0) {
            meters.counter("verdict.judging.expired").increment(expired);
        }
        return new ExpiredPage(overdue.size(), expired);
    }

    /** How often the judge matched the known answer of the gold pairs they judged. */
    public GoldAccuracy goldAccuracy(long judgeId) {
        return judgments.goldAccuracy(judgeId);
    }

    private boolean overdue(Assignment assignment, Instant now) {
        return assignment.dealtAt().plus(properties.judging().assignmentTtl()).isBefore(now);
    }

    private boolean expire(Assignment assignment, Instant now) {
        if (assignments.close(assignment.id(), Assignment.State.EXPIRED, now)) {
            pool.release(assignment.pairId());
            return true;
        }
        return false;
    }

    private AssignmentExpired expired(long assignmentId) {
        return new AssignmentExpired("Assignment " + assignmentId + " expired: it waited more than "
                + properties.judging().assignmentTtl().toMinutes() + " minutes for a verdict, so its pair went back "
                + "to the pool. Ask for the next pair.");
    }

    /**
     * Passes on an open assignment: its slot goes back to the pool and the judge is not dealt it again. Skipping one
     * skipped or expired already changes nothing (a retry); one judged already is a 409, as its verdict stands. Both
     * refusals come before any write, so the judging desk's batch around it commits as it is.
     */
    @Transactional(noRollbackFor = {AssignmentGone.class, AssignmentJudged.class})
    public void skip(long judgeId, long assignmentId) {
        Assignment assignment = assignment(judgeId, assignmentId);
        if (assignment.state() == Assignment.State.JUDGED) {
            throw AssignmentJudged.skipped(assignmentId);
        }
        Instant now = Instant.now();
        if (assignments.close(assignmentId, Assignment.State.SKIPPED, now)) {
            pool.release(assignment.pairId());
            closedInRound(assignment, now);
        }
    }

    /**
     * Sets how many judgments a pair may collect (open assignments count until answered): scoring raises
     * it for a pair still undecided and lowers it to stop dealing one.
     */
    public void limitJudgments(long pairId, int judgments) {
        pool.limit(pairId, judgments);
    }

    /** In how many of the task categories this judge has judged pairs. */
    @Transactional(readOnly = true)
    public int categoriesJudged(long judgeId) {
        return jdbc.queryForObject("select count(distinct i.category) from judgment j join pair p on p.id = j.pair_id "
                + "join interaction i on i.id = p.interaction_id where j.judge_id = ?", Integer.class, judgeId);
    }

    /** How many judgments the judge has made, this transaction's included (for badges that count them). */
    public long judgmentsMade(long judgeId) {
        return scorekeeper.judgments(judgeId);
    }

    /** The judge's points in all, this transaction's included: ahead of the boards, which fold them a moment later. */
    public long pointsMade(long judgeId) {
        return scorekeeper.points(judgeId);
    }

    public Scorekeeper.Standing standing(long judgeId) {
        return scorekeeper.standing(judgeId);
    }

    /** Tells the game when this closed the last open pair of a full round. */
    private void closedInRound(Assignment assignment, Instant at) {
        if (assignment.roundId() == null) {
            return;
        }
        Round round = rounds.findById(assignment.roundId()).orElseThrow();
        if (assignments.countClosedOfRound(round.getId()) == round.getSize()) {
            round.finish();
            events.publishEvent(new RoundCompleted(round.getJudgeId(), round.getId(), round.getSize(), at));
        }
    }

    private Assignment assignment(long judgeId, long assignmentId) {
        return assignments.find(assignmentId)
                .filter(a -> a.judgeId() == judgeId)
                .orElseThrow(() -> new AssignmentGone(assignmentId));
    }

    private Round round(long judgeId, long roundId) {
        return rounds.findById(roundId)
                .filter(r -> r.getJudgeId() == judgeId)
                .orElseThrow(() -> ApiException.notFound("No round " + roundId + " of yours"));
    }

    private RoundProgress progress(Round round) {
        List<Assignment> dealt = assignments.ofRound(round.getId());
        int done = (int) dealt.stream().filter(a -> a.state() != Assignment.State.OPEN).count();
        long points = dealt.isEmpty() ? 0 : judgments.pointsFor(dealt.stream().map(Assignment::id).toList());
        return new RoundProgress(round.getId(), round.getSize(), done, points, round.isFinished());
    }

    private Deal deal(Assignment assignment, Round round) {
        return deal(assignment, catalog.pair(assignment.pairId()).orElseThrow(), round);
    }

    private Deal deal(Assignment assignment, PairContent pair, Round round) {
        boolean aLeft = assignment.leftCandidate() == pair.a().id();
        CandidateView left = aLeft ? pair.a() : pair.b();
        CandidateView right = aLeft ? pair.b() : pair.a();
        return new Deal(assignment.id(), pair.externalId(), pair.instruction(), pair.context(), pair.category(),
                new Deal.Shown(left.position(), left.text()), new Deal.Shown(right.position(), right.text()),
                round == null ? null : progress(round));
    }

    /** The known answer of a gold pair in candidate terms; null for other pairs. */
    private static Outcome gold(PairContent pair) {
        if (pair.goldBest() == null) {
            return null;
        }
        if (pair.goldBest() == pair.a().position()) {
            return Outcome.A;
        }
        return pair.goldBest() == pair.b().position() ? Outcome.B : null;
    }

    /** A submit for an assignment judged already: the first result if it repeats the verdict, else a 409. */
    private static JudgmentResult repeated(Judgment earlier, Verdict verdict, Assignment assignment,
            PairContent pair) {
        if (earlier.verdict() != verdict) {
            throw AssignmentJudged.otherVerdict(assignment.id(), earlier.verdict(), verdict);
        }
        return result(earlier, assignment, pair);
    }

    private static JudgmentResult result(Judgment judgment, Assignment assignment, PairContent pair) {
        boolean aLeft = assignment.leftCandidate() == pair.a().id();
        Scorekeeper.Reward reward = judgment.reward();
        Outcome gold = gold(pair);
        GoldFeedback feedback = gold == null ? null : new GoldFeedback(Boolean.TRUE.equals(judgment.goldMatched()),
                (gold == Outcome.A) == aLeft ? Verdict.LEFT : Verdict.RIGHT, pair.goldWhy());
        return new JudgmentResult(reward.points(), reward.totalPoints(),
                (aLeft ? pair.a() : pair.b()).source(), (aLeft ? pair.b() : pair.a()).source(), judgment.tooFast(),
                feedback);
    }
}
