package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.RefitSummary;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each export holds of interactions in every consensus state (open, settled best, tie or both bad,
 * contested) and of their pairs, as docs/EXPORT.md says; pairs are judged by fresh judges, one pair each.
 */
@VerdictTest
class ExportConsensusTests {

    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    com.verdict.scoring.ScoringService scoring;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ExportService exports;

    Person engineer;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        engineer = data.user("consensus-exporter", null, Role.ENGINEER);
    }

    // ---- helpers

    /** Outcomes in candidate terms, by the 0-based response positions of the dealt pair. */
    enum V { LOW, HIGH, TIE, BAD, HOLD }

    record Held(Person judge, Deal deal) {
    }

    /**
     * Fresh judges, one deal each (a judge gets one pair of an interaction). {@code plan} maps a pair, named by
     * its positions "0-1", to the verdicts its successive judges give ({@code LOW} = the response imported first).
     * A judge dealt a pair with no verdict left skips it. Stops when nothing is dealt or every plan is spent.
     */
    List<Held> play(Map<String, List<V>> plan) {
        List<Held> held = new ArrayList<>();
        Map<String, Deque<V>> left = new HashMap<>();
        plan.forEach((k, v) -> left.put(k, new ArrayDeque<>(v)));
        for (int i = 0; i < 60 && left.values().stream().anyMatch(d -> !d.isEmpty()); i++) {
            Person judge = data.user("consensus-judge");
            Optional<Deal> next = judging.next(judge.id(), null);
            if (next.isEmpty()) {
                break;
            }
            Deal deal = next.get();
            int low = Math.min(deal.left().response(), deal.right().response());
            int high = Math.max(deal.left().response(), deal.right().response());
            Deque<V> todo = left.get(deal.interactionId() + ":" + low + "-" + high);
            if (todo == null || todo.isEmpty()) {
                judging.skip(judge.id(), deal.assignmentId());
                continue;
            }
            V v = todo.pop();
            if (v == V.HOLD) {
                held.add(new Held(judge, deal));
                continue;
            }
            judge(judge, deal, v);
        }
        assertThat(left.values()).as("every planned verdict was given").allMatch(Deque::isEmpty);
        return held;
    }

    void judge(Person judge, Deal deal, V v) {
            int low = Math.min(deal.left().response(), deal.right().response());
            boolean lowOnLeft = deal.left().response() == low;
            Verdict verdict = switch (v) {
                case LOW -> lowOnLeft ? Verdict.LEFT : Verdict.RIGHT;
                case HIGH -> lowOnLeft ? Verdict.RIGHT : Verdict.LEFT;
                case TIE -> Verdict.TIE;
                case BAD -> Verdict.BOTH_BAD;
                case HOLD -> throw new IllegalArgumentException();
            };
            judging.judge(judge.id(), deal.assignmentId(), verdict, null);
    }

    String line(String id, int responses) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < responses; i++) {
            r.append(i == 0 ? "" : ",").append("{\"text\":\"").append(id).append(" r").append(i)
                    .append("\",\"source\":\"model-").append(i).append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"instruction\":\"Q " + id + "\",\"context\":\"\",\"category\":\"open_qa\","
                + "\"responses\":[" + r + "]}";
    }

    String interactionState(String id) {
        return jdbc.queryForObject("select d.state || '/' || coalesce(d.outcome, '-') from interaction_decision d "
                + "join interaction i on i.id = d.interaction_id where i.external_id = ?", String.class, id);
    }

    String pairState(String id, int a, int b) {
        return jdbc.queryForObject("""
                select t.state || '/' || t.decision || '/' || t.judgments from pair_tally t
                join candidate ca on ca.id = t.candidate_a join candidate cb on cb.id = t.candidate_b
                join interaction i on i.id = t.interaction_id
                where i.external_id = ? and ca.position = ? and cb.position = ?""", String.class, id, a, b);
    }

    /** A preferences file's lines as "chosen > rejected". */
    List<String> preferences(String url) throws Exception {
        return records(url).stream().map(r -> r.get("chosen").asText() + " > " + r.get("rejected").asText()).toList();
    }

    List<JsonNode> records(String url) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String l : new String(StreamedDownloads.download(http, url, engineer), StandardCharsets.UTF_8)
                .split("\n")) {
            if (!l.isEmpty()) {
                records.add(json.readTree(l));
            }
        }
        return records;
    }


    /** Contested interactions are in a file only with include-contested: raw judgments too. */
    @Test
    void rawJudgmentsOfAContestedInteractionAreLeftOutByDefault() throws Exception {
        data.importJsonl(line("c-split", 2));
        play(Map.of("c-split:0-1", List.of(V.LOW, V.HIGH, V.TIE, V.BAD, V.TIE)));
        assertThat(interactionState("c-split")).isEqualTo("CONTESTED/-");

        assertThat(records("/api/export/judgments.jsonl?include-contested=true")).hasSize(5);
        assertThat(records("/api/export/judgments.jsonl")).as("default export leaves contested out").isEmpty();
    }

    /** A contested interaction whose consensus leans to one response (0.69) gives Dolly that response on request. */
    @Test
    void includeContestedAddsTheResponseAContestedInteractionLeansToDolly() throws Exception {
        data.importJsonl(line("c-lean", 2));
        play(Map.of("c-lean:0-1", List.of(V.HIGH, V.TIE, V.TIE, V.LOW, V.LOW)));
        assertThat(interactionState("c-lean")).isEqualTo("CONTESTED/-");
        assertThat(pairState("c-lean", 0, 1)).startsWith("CONTESTED/0/5");

        assertThat(records("/api/export/dolly.jsonl")).isEmpty();
        assertThat(records("/api/export/dolly.jsonl?include-contested=true"))
                .extracting(r -> r.get("response").asText()).containsExactly("c-lean r0");
    }

    /** Raw judgments' min-judgments counts their interaction's judgments, whatever its outcome (tie, both bad). */
    @Test
    void minJudgmentsOnRawJudgmentsCountsTiesAndBothBad() throws Exception {
        data.importJsonl(line("t-tie", 2) + "\n" + line("t-bad", 2));
        play(Map.of("t-tie:0-1", List.of(V.TIE, V.TIE, V.TIE), "t-bad:0-1", List.of(V.BAD, V.BAD, V.BAD)));
        assertThat(interactionState("t-tie")).isEqualTo("SETTLED/TIE");
        assertThat(interactionState("t-bad")).isEqualTo("SETTLED/BOTH_BAD");
        assertThat(records("/api/export/judgments.jsonl")).hasSize(6);

        assertThat(records("/api/export/judgments.jsonl?min-judgments=3")).as("interactions with 3 judgments")
                .hasSize(6);
    }

    /**
     * In a three-way cycle every pair is settled with a clear winner while the interaction has no best response
     * (a tie): its three preferences are exported all the same.
     */
    @Test
    void settledPreferencesOfAnInteractionWithoutABestResponseAreExported() throws Exception {
        data.importJsonl(line("cyc", 3));
        // 0 beats 1, 1 beats 2, 2 beats 0.
        play(Map.of("cyc:0-1", List.of(V.LOW, V.LOW, V.LOW), "cyc:1-2", List.of(V.LOW, V.LOW, V.LOW),
                "cyc:0-2", List.of(V.HIGH, V.HIGH, V.HIGH)));
        assertThat(interactionState("cyc")).isEqualTo("SETTLED/TIE");
        assertThat(pairState("cyc", 0, 1)).startsWith("SETTLED/0/3");
        assertThat(pairState("cyc", 0, 2)).startsWith("SETTLED/1/3");

        assertThat(records("/api/export/preferences.jsonl")).hasSize(3);
    }

    /**
     * An interaction of three settles with a best response while the pair of the two others ends contested
     * (5 split judgments, posterior 0.69): that pair is a preference only with include-contested.
     */
    @Test
    void aContestedPairOfASettledInteractionIsNotAPreferenceByDefault() throws Exception {
        data.importJsonl(line("tri", 3));
        play(Map.of("tri:0-1", List.of(V.LOW, V.LOW, V.LOW), "tri:0-2", List.of(V.LOW, V.LOW, V.LOW),
                "tri:1-2", List.of(V.HIGH, V.TIE, V.TIE, V.LOW, V.LOW)));
        assertThat(interactionState("tri")).isEqualTo("SETTLED/BEST");
        assertThat(pairState("tri", 1, 2)).startsWith("CONTESTED/0/5");

        assertThat(preferences("/api/export/preferences.jsonl")).as("only the settled pairs")
                .containsExactly("tri r0 > tri r1", "tri r0 > tri r2");
        assertThat(preferences("/api/export/preferences.jsonl?include-contested=true"))
                .containsExactly("tri r0 > tri r1", "tri r0 > tri r2", "tri r1 > tri r2");
    }

    /** Same shape with the third pair still open after one judgment: a one-vote lean is no preference. */
    @Test
    void anOpenPairOfASettledInteractionIsNotAPreference() throws Exception {
        data.importJsonl(line("tri1", 3));
        play(Map.of("tri1:0-1", List.of(V.LOW, V.LOW, V.LOW), "tri1:0-2", List.of(V.LOW, V.LOW, V.LOW),
                "tri1:1-2", List.of(V.HIGH, V.HOLD, V.HOLD)));
        // the two other slots of 1-2 are dealt and left open (judges who have not answered yet)
        assertThat(interactionState("tri1")).isEqualTo("SETTLED/BEST");
        assertThat(pairState("tri1", 1, 2)).startsWith("OPEN/1/1");

        assertThat(preferences("/api/export/preferences.jsonl")).as("only the settled pairs")
                .containsExactly("tri1 r0 > tri1 r1", "tri1 r0 > tri1 r2");
    }

    /**
     * since/until select by when the consensus last changed: a judgment that leaves the interaction's decision as
     * it was does not bring its record back into an export since the last one.
     */
    @Test
    void aJudgmentThatChangesNothingDoesNotMoveTheDecisionTime() throws Exception {
        data.importJsonl(line("inc", 3));
        List<Held> held = play(Map.of("inc:0-1", List.of(V.LOW, V.LOW, V.LOW),
                "inc:0-2", List.of(V.LOW, V.LOW, V.LOW), "inc:1-2", List.of(V.HIGH, V.HOLD, V.HOLD)));
        assertThat(interactionState("inc")).isEqualTo("SETTLED/BEST");
        String before = jdbc.queryForObject("select best_candidate || '/' || confidence from interaction_decision",
                String.class);
        assertThat(records("/api/export/dolly.jsonl")).hasSize(1);
        Instant mark = Instant.now();
        Thread.sleep(20);
        // one more judgment of the open pair 1-2 (not involving the best response)
        judge(held.get(0).judge(), held.get(0).deal(), V.HIGH);
        assertThat(jdbc.queryForObject("select best_candidate || '/' || confidence from interaction_decision",
                String.class)).as("decision unchanged").isEqualTo(before);

        assertThat(records("/api/export/dolly.jsonl?since=" + mark)).as("nothing newly decided since").isEmpty();
    }

    /** A refit that moves only confidences re-dates nothing: the records an export since the last one holds are new. */
    @Test
    void aRefitThatMovesOnlyTheConfidenceDoesNotMoveTheDecisionTime() throws Exception {
        data.importJsonl(line("conf", 2));
        play(Map.of("conf:0-1", List.of(V.LOW, V.LOW, V.LOW)));
        assertThat(interactionState("conf")).isEqualTo("SETTLED/BEST");
        Timestamp decided = jdbc.queryForObject("select updated_at from interaction_decision", Timestamp.class);
        // As if the last fit had weighed the judges otherwise: the refit finds other posteriors, the same decision.
        jdbc.update("update pair_tally set p_a = 0.85, p_b = 0.05, p_tie = 0.05, p_both_bad = 0.05");
        jdbc.update("update interaction_decision set confidence = 0.85");
        Instant mark = Instant.now();
        Thread.sleep(20);

        scoring.refit();

        assertThat(jdbc.queryForObject("select confidence from interaction_decision", Double.class))
                .as("the confidence is the refit's").isNotEqualTo(0.85);
        assertThat(jdbc.queryForObject("select updated_at from interaction_decision", Timestamp.class))
                .isEqualTo(decided);
        assertThat(records("/api/export/dolly.jsonl?since=" + mark)).isEmpty();
    }

    /**
     * A refit dates what it decides when it writes it, not when it began: an export that ran while the refit was
     * still fitting or waiting did not see the decision, and the next export, since that one's start, has it.
     */
    @Test
    void aDecisionIsDatedWhenTheRefitWritesItSoTheNextIncrementalExportHasIt() throws Exception {
        data.importJsonl(line("late", 2));
        play(Map.of("late:0-1", List.of(V.LOW, V.LOW, V.LOW)));
        // As if the judgments' path had left the pair open: the refit settles it.
        jdbc.update("update pair_tally set state = 'OPEN', settled_at = null");
        jdbc.update("update interaction_decision set state = 'OPEN', best_candidate = null, outcome = null");
        assertThat(records("/api/export/dolly.jsonl")).isEmpty();

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate holding = new TransactionTemplate(transactionManager);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> holding.executeWithoutResult(tx -> {
            jdbc.queryForList("select pair_id from pair_tally for update");
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        FutureTask<RefitSummary> refit = new FutureTask<>(scoring::refit);
        Thread refitting = new Thread(refit, "refit-under-test");
        refitting.start();
        // The refit has begun and waits to write the pair another transaction holds.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> Arrays
                .stream(refitting.getStackTrace()).anyMatch(frame -> frame.getClassName().endsWith("PairTallyWriter")
                        && frame.getMethodName().startsWith("lambda$writeChunk")));
        Instant exportStarted = Instant.now();
        // Through the service, not HTTP: quick, well inside H2's lock timeout of 2 s that the refit waits under.
        long meanwhile = exports.preview(ExportFormat.DOLLY, ExportFilter.none(), 1, () -> true).records();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        RefitSummary summary = refit.get(20, TimeUnit.SECONDS);

        assertThat(meanwhile).as("the export that ran meanwhile").isZero();
        assertThat(summary.fittedAt()).as("the refit began before that export").isBefore(exportStarted);
        assertThat(records("/api/export/dolly.jsonl?since=" + exportStarted)).as("the next export, since its start")
                .hasSize(1);
        assertThat(preferences("/api/export/preferences.jsonl?since=" + exportStarted)).hasSize(1);
    }

    /** An empty answer that beat a worse one is no training target: neither Dolly's response nor a chosen one. */
    @Test
    void anEmptyWinningResponseIsNoRecord() throws Exception {
        data.importJsonl(line("blank", 2).replace("blank r0", "  "));
        play(Map.of("blank:0-1", List.of(V.LOW, V.LOW, V.LOW)));
        assertThat(interactionState("blank")).isEqualTo("SETTLED/BEST");

        assertThat(records("/api/export/dolly.jsonl")).isEmpty();
        assertThat(preferences("/api/export/preferences.jsonl")).isEmpty();
    }
}
