package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.base.ApiException;
import com.verdict.catalog.Category;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading and matching the export filters, without the application. */
class ExportFilterTests {

    @Test
    void readsEveryParameter() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("category", List.of("open_qa", "brainstorming"));
        parameters.put("source", List.of("model-a"));
        parameters.put("tag", List.of("math"));
        parameters.put("min-confidence", List.of("0.75"));
        parameters.put("min-judgments", List.of("3"));
        parameters.put("since", List.of("2025-03-01"));
        parameters.put("until", List.of("2025-04-01T12:00:00Z"));
        parameters.put("include-contested", List.of("true"));
        parameters.put("dedupe", List.of("instruction"));
        parameters.put("split", List.of("test"));
        parameters.put("test-fraction", List.of("0.2"));
        ExportFilter filter = ExportFilter.parse(ExportFormat.DOLLY, parameters);

        assertThat(filter.categories()).containsExactlyInAnyOrder(Category.OPEN_QA, Category.BRAINSTORMING);
        assertThat(filter.source()).isEqualTo("model-a");
        assertThat(filter.tag()).isEqualTo("math");
        assertThat(filter.minConfidence()).isEqualTo(0.75);
        assertThat(filter.minJudgments()).isEqualTo(3);
        assertThat(filter.since()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(filter.until()).isEqualTo(Instant.parse("2025-04-01T12:00:00Z"));
        assertThat(filter.includeContested()).isTrue();
        assertThat(filter.dedupe()).isTrue();
        assertThat(filter.split()).isEqualTo(ExportFilter.Split.TEST);
        assertThat(filter.testFraction()).isEqualTo(0.2);
    }

    @Test
    void badValuesAreRefusedAllAtOnceNamingEachParameter() {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("category", List.of("poetry"));
        bad.put("min-confidence", List.of("1.5"));
        bad.put("min-judgments", List.of("-1"));
        bad.put("since", List.of("yesterday"));
        bad.put("include-contested", List.of("maybe"));
        bad.put("dedupe", List.of("response"));
        bad.put("split", List.of("validation"));
        bad.put("test-fraction", List.of("1"));
        bad.put("source", List.of("a", "b"));
        bad.put("categroy", List.of("open_qa"));

        assertThatThrownBy(() -> ExportFilter.parse(ExportFormat.DOLLY, bad))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.details()).anySatisfy(d -> assertThat(d).startsWith("category: unknown category 'poetry'"))
                            .anySatisfy(d -> assertThat(d).startsWith("min-confidence:"))
                            .anySatisfy(d -> assertThat(d).startsWith("min-judgments:"))
                            .anySatisfy(d -> assertThat(d).startsWith("since:"))
                            .anySatisfy(d -> assertThat(d).startsWith("include-contested:"))
                            .anySatisfy(d -> assertThat(d).startsWith("dedupe:"))
                            .anySatisfy(d -> assertThat(d).startsWith("split:"))
                            .anySatisfy(d -> assertThat(d).startsWith("test-fraction:"))
                            .anySatisfy(d -> assertThat(d).isEqualTo("source: give it at most once"))
                            .anySatisfy(d -> assertThat(d).startsWith("categroy: unknown parameter"));
                });
    }

    @Test
    void sinceMustComeBeforeUntilAndTestFractionNeedsASplit() {
        assertThatThrownBy(() -> ExportFilter.parse(ExportFormat.DOLLY,
                Map.of("since", List.of("2025-03-02"), "until", List.of("2025-03-01"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).containsExactly("until: must be after since"));
        assertThatThrownBy(() -> ExportFilter.parse(ExportFormat.DOLLY, Map.of("test-fraction", List.of("0.2"))))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.details()).containsExactly("test-fraction: only with split=train or split=test"));
    }

    @Test
    void rawJudgmentsAreNotDeduplicated() {
        assertThatThrownBy(() -> ExportFilter.parse(ExportFormat.JUDGMENTS, Map.of("dedupe", List.of("instruction"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).singleElement()
                        .asString().startsWith("dedupe: applies to dolly.jsonl and preferences.jsonl"));
    }

    @Test
    void theQueryStringReadsBackToTheSameFilter() {
        ExportFilter filter = ExportFilter.parse(ExportFormat.PREFERENCES, Map.of(
                "category", List.of("summarization", "open_qa"), "source", List.of("gpt & co/ü"),
                "min-confidence", List.of("0.5"), "split", List.of("train")));

        assertThat(filter.toQuery()).isEqualTo(
                "category=open_qa&category=summarization&source=gpt+%26+co%2F%C3%BC&min-confidence=0.5"
                        + "&split=train&test-fraction=0.1");
        assertThat(ExportFilter.parse(ExportFormat.PREFERENCES, ExportApiController.QueryString.parse(filter.toQuery())))
                .isEqualTo(filter);
        assertThat(ExportFilter.none().toQuery()).isEmpty();
    }

    @Test
    void theSplitIsStableDisjointAndNearTheFraction() {
        ExportFilter train = ExportFilter.parse(ExportFormat.DOLLY, Map.of("split", List.of("train")));
        ExportFilter test = ExportFilter.parse(ExportFormat.DOLLY, Map.of("split", List.of("test")));
        List<String> ids = IntStream.range(0, 20_000).mapToObj(i -> "q-" + i).toList();

        long inTest = ids.stream().filter(test::admitsSplit).count();
        assertThat(ids).allSatisfy(id -> assertThat(train.admitsSplit(id)).isNotEqualTo(test.admitsSplit(id)));
        assertThat(inTest).isBetween(1_800L, 2_200L);
        assertThat(ExportFilter.splitPoint("q-17")).isEqualTo(ExportFilter.splitPoint("q-17"));
    }

    @Test
    void contestedInteractionsNeedTheirFlag() {
        ExportFilter plain = ExportFilter.none();
        ExportFilter withContested = new ExportFilter(Set.of(), null, null, null, null, null, null, true, false, null, 0.1);

        assertThat(plain.admitsContested(true)).isFalse();
        assertThat(plain.admitsContested(false)).isTrue();
        assertThat(withContested.admitsContested(true)).isTrue();
    }

    @Test
    void strengthAndTimeBoundsAreInclusiveAtTheStartAndExclusiveAtTheEnd() {
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        Instant end = Instant.parse("2025-03-02T00:00:00Z");
        ExportFilter filter = new ExportFilter(Set.of(), null, null, 0.8, 3, start, end, false, false, null, 0.1);

        assertThat(filter.admitsStrength(0.8, 3)).isTrue();
        assertThat(filter.admitsStrength(0.79, 3)).isFalse();
        assertThat(filter.admitsStrength(0.9, 2)).isFalse();
        assertThat(filter.admitsTime(start)).isTrue();
        assertThat(filter.admitsTime(end)).isFalse();
        assertThat(filter.admitsTime(start.minusMillis(1))).isFalse();
    }
}
