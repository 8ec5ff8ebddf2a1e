package com.verdict.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verdict.TestData;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small judged catalog with a known export. Judged by three judges through the real judging service, and six
 * more for f-three, as a judge is dealt one pair of an interaction:
 * <pre>
 * id         category          responses (source)       votes (judge 1, 2, 3)   Dolly winner, confidence
 * f-qa-1     open_qa           x, y                      low low low            x, settled
 * f-qa-2     open_qa           x, y                      high high low          y, settled (at least 0.8)
 * f-bs-1     brainstorming     x, z                      low low tie            x, settled
 * f-one      creative_writing  x, y                      low (others skip)      none: open (1 judgment)
 * f-tie      open_qa           x, y                      tie tie tie            none
 * f-retired  open_qa           x, y                      low low low            retired afterwards
 * f-three    summarization     x, y, z (3 pairs)         low × 9 (judges 1–9)    x, 1.0 (9 judgments)
 * f-dup-a    classification    x, y  same instruction    low low low            x, 1.0
 * f-dup-b    classification    x, y  and context         low low high           x, settled
 * f-dup-c    classification    x, y  other context       low low high           x, settled
 * </pre>
 * Dolly holds 7 records, preferences 9, raw judgments 31 (those of the retired interaction left out). An
 * interaction settles once its pairs have judgments-per-pair (3) judgments and a confident consensus.
 */
final class ExportFixture {

    static final List<String> DOLLY_IDS = List.of("f-qa-1", "f-qa-2", "f-bs-1", "f-three", "f-dup-a", "f-dup-b",
            "f-dup-c");
    static final int PREFERENCES = 9;
    static final int JUDGMENTS = 31;

    private final TestData data;
    private final JudgingService judging;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    final List<Person> judges = new ArrayList<>();

    ExportFixture(TestData data, JudgingService judging, JdbcTemplate jdbc) {
        this.data = data;
        this.judging = judging;
        this.jdbc = jdbc;
    }

    ExportFixture build() {
        data.clearCatalog();
        for (int i = 0; i < 9; i++) {
            judges.add(data.user("fixture-judge"));
        }
        StringBuilder jsonl = new StringBuilder();
        jsonl.append(line("f-qa-1", "open_qa", "What is one plus one?", "", "x", "y")).append('\n');
        jsonl.append(line("f-qa-2", "open_qa", "Name a prime.", "", "x", "y")).append('\n');
        jsonl.append(line("f-bs-1", "brainstorming", "Ideas for a party?", "", "x", "z")).append('\n');
        jsonl.append(line("f-one", "creative_writing", "Write a haiku.", "", "x", "y")).append('\n');
        jsonl.append(line("f-tie", "open_qa", "Is water wet?", "", "x", "y")).append('\n');
        jsonl.append(line("f-retired", "open_qa", "An old question?", "", "x", "y")).append('\n');
        jsonl.append(line("f-three", "summarization", "Summarize the text.", "A long text.", "x", "y", "z")).append('\n');
        jsonl.append(line("f-dup-a", "classification", "Same question?", "Same context", "x", "y")).append('\n');
        jsonl.append(line("f-dup-b", "classification", "Same question?", "Same context", "x", "y")).append('\n');
        jsonl.append(line("f-dup-c", "classification", "Same question?", "Other context", "x", "y")).append('\n');
        data.importJsonl(jsonl.toString());
        Map<String, List<String>> plan = new LinkedHashMap<>();
        plan.put("f-qa-1", List.of("low", "low", "low"));
        plan.put("f-qa-2", List.of("high", "high", "low"));
        plan.put("f-bs-1", List.of("low", "low", "tie"));
        plan.put("f-one", List.of("low", "skip", "skip"));
        plan.put("f-tie", List.of("tie", "tie", "tie"));
        plan.put("f-retired", List.of("low", "low", "low"));
        plan.put("f-three", Collections.nCopies(9, "low"));
        plan.put("f-dup-a", List.of("low", "low", "low"));
        plan.put("f-dup-b", List.of("low", "low", "high"));
        plan.put("f-dup-c", List.of("low", "low", "high"));
        Verdicts.play(judging, judges, plan);
        jdbc.update("update interaction set retired = true where external_id = 'f-retired'");
        return this;
    }

    /** Imports and judges one more interaction (judge 1 prefers its first response). */
    void addLate(String id) {
        data.importJsonl(line(id, "open_qa", "A late question?", "", "x", "y"));
        Verdicts.play(judging, judges, Map.of(id, List.of("low", "low", "low")));
    }

    /**
     * Imports and judges an interaction that ends contested (five judgments, the most a pair takes, without a
     * confident consensus) while leaning to its first response: judges 1 to 3 say low, high and tie; judges 4 and
     * 5, whom the last refit is made to have found hardly better than chance, both say low.
     */
    void addContested(String id) {
        StringBuilder confusion = new StringBuilder();
        for (int truth = 0; truth < 4; truth++) {
            for (int said = 0; said < 4; said++) {
                confusion.append(confusion.isEmpty() ? "" : ",").append(truth == said ? 0.3 : 0.7 / 3);
            }
        }
        for (Person judge : judges.subList(3, 5)) {
            jdbc.update("insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments, "
                    + "gold_matched, too_fast_share, median_time_ms, settled, agreed, flagged, fitted_at) "
                    + "values (?, ?, 0.3, 0, 0, 0, 0, 0, 0, 0, false, current_timestamp)", judge.id(),
                    confusion.toString());
        }
        data.importJsonl(line(id, "open_qa", "A disputed question?", "", "x", "y"));
        Verdicts.play(judging, judges, Map.of(id, List.of("low", "high", "tie", "low", "low")));
    }

    /** An import line whose responses read "<id> by <source>" with source "model-<source>". */
    String line(String id, String category, String instruction, String context, String... sources) {
        ObjectNode line = json.createObjectNode();
        line.put("id", id);
        line.put("instruction", instruction);
        line.put("context", context);
        line.put("category", category);
        ArrayNode responses = line.putArray("responses");
        for (String source : sources) {
            responses.addObject().put("text", id + " by " + source).put("source", "model-" + source);
        }
        return line.toString();
    }
}
