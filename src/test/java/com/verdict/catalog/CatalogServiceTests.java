package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@VerdictTest
class CatalogServiceTests {

    @Autowired
    CatalogService catalog;
    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.importJsonl(String.join("\n",
                """
                {"id": "math-1", "instruction": "What is 2+2?", "category": "open_qa", "tags": ["math"],
                 "responses": [{"text": "4", "source": "alpha"}, {"text": "5", "source": "beta"}],
                 "gold": {"best": 0, "why": "Arithmetic"}}""".replace("\n", ""),
                """
                {"id": "poem-1", "instruction": "Write a haiku about rain", "category": "creative_writing",
                 "tags": ["poetry"], "responses": [{"text": "Drops", "source": "beta"}, {"text": "Clouds",
                 "source": "gamma"}, {"text": "Wet", "source": "alpha"}]}""".replace("\n", ""),
                TestData.interactionLine("plain-1", 2)));
        data.signIn(data.user("engineer", null, Role.ENGINEER));
    }

    @Test
    void browsesNewestFirstWithSourcesTagsAndCounts() {
        List<InteractionRow> rows = catalog.browse(CatalogFilter.ALL, CatalogSort.NEWEST, 0, 10);

        assertThat(rows).extracting(InteractionRow::externalId).containsExactly("plain-1", "poem-1", "math-1");
        InteractionRow poem = rows.get(1);
        assertThat(poem.candidates()).isEqualTo(3);
        assertThat(poem.sources()).containsExactly("alpha", "beta", "gamma");
        assertThat(poem.tags()).containsExactly("poetry");
        assertThat(poem.status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(rows.get(2).gold()).isTrue();
        assertThat(catalog.count(CatalogFilter.ALL)).isEqualTo(3);
    }

    @Test
    void pagesInSql() {
        assertThat(catalog.browse(CatalogFilter.ALL, new CatalogSort(CatalogSort.Column.EXTERNAL_ID, false), 1, 1))
                .extracting(InteractionRow::externalId).containsExactly("plain-1");
    }

    @Test
    void filtersByCategorySourceTagStatusAndText() {
        assertThat(ids(new CatalogFilter(Category.CREATIVE_WRITING, null, null, null, null))).containsExactly("poem-1");
        assertThat(ids(new CatalogFilter(null, "alpha", null, null, null))).containsExactly("poem-1", "math-1");
        assertThat(ids(new CatalogFilter(null, null, "math", null, null))).containsExactly("math-1");
        assertThat(ids(new CatalogFilter(null, null, null, null, "HAIKU"))).containsExactly("poem-1");
        assertThat(ids(new CatalogFilter(null, null, null, null, "100%_"))).isEmpty();
        catalog.updateStatus(id("math-1"), InteractionStatus.SETTLED);
        catalog.retire(id("plain-1"));
        assertThat(ids(new CatalogFilter(null, null, null, InteractionStatus.SETTLED, null))).containsExactly("math-1");
        assertThat(ids(new CatalogFilter(null, null, null, InteractionStatus.RETIRED, null))).containsExactly("plain-1");
        assertThat(ids(new CatalogFilter(null, null, null, InteractionStatus.OPEN, null))).containsExactly("poem-1");
        assertThat(catalog.sources()).contains("alpha", "beta", "gamma", "model-0");
        assertThat(catalog.tags()).containsExactly("math", "poetry");
    }

    @Test
    void aRetiredInteractionStaysRetiredWhateverScoringSays() {
        catalog.retire(id("poem-1"));
        catalog.updateStatus(id("poem-1"), InteractionStatus.CONTESTED);

        assertThat(catalog.detail(id("poem-1")).orElseThrow().status()).isEqualTo(InteractionStatus.RETIRED);
        assertThatThrownBy(() -> catalog.updateStatus(id("poem-1"), InteractionStatus.RETIRED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsPerCategoryCoverEveryCategoryAndCountAsDecidedWhatTheDatasetTakes() {
        Deal judged = judgeOnce();
        settle("math-1", "BEST");
        settle("plain-1", "TIE");
        settle("poem-1", "BEST");
        catalog.retire(id("poem-1"));

        List<CategoryCount> counts = catalog.categoryCounts();

        assertThat(counts).hasSize(8);
        CategoryCount openQa = count(counts, Category.OPEN_QA);
        assertThat(openQa.interactions()).isEqualTo(2);
        assertThat(openQa.decided()).as("a best response, not a tie").isEqualTo(1);
        assertThat(count(counts, Category.CREATIVE_WRITING)).as("retired: in neither count")
                .isEqualTo(new CategoryCount(Category.CREATIVE_WRITING, 0, 0, 0));
        assertThat(counts.stream().mapToLong(CategoryCount::judgments).sum()).as("a retired one's left out")
                .isEqualTo(judged.interactionId().equals("poem-1") ? 0 : 1);
    }

    /** As scoring records a settled interaction: a best response for BEST, none for a tie. */
    private void settle(String externalId, String outcome) {
        long interactionId = id(externalId);
        catalog.updateStatus(interactionId, InteractionStatus.SETTLED);
        jdbc.update("update interaction_decision set state = 'SETTLED', outcome = ?, confidence = 0.9, best_candidate = "
                + "case when ? = 'BEST' then (select min(id) from candidate where interaction_id = ?) end "
                + "where interaction_id = ?", outcome, outcome, interactionId, interactionId);
    }

    private static CategoryCount count(List<CategoryCount> counts, Category category) {
        return counts.stream().filter(c -> c.category() == category).findFirst().orElseThrow();
    }

    @Test
    void theDetailShowsCandidatesWithSourcesPairsAndTheirJudgments() {
        Deal deal = judgeOnce();
        long interactionId = id(deal.interactionId());

        InteractionDetail detail = catalog.detail(interactionId).orElseThrow();

        assertThat(detail.candidates()).extracting(CandidateView::source).isNotEmpty().doesNotContainNull();
        assertThat(detail.judgments()).isEqualTo(1);
        assertThat(detail.pairs()).flatExtracting(InteractionDetail.PairDetail::judgments).singleElement()
                .satisfies(j -> {
                    assertThat(j.judge()).startsWith("Test judge-");
                    assertThat(j.choice()).isIn(JudgmentHistory.Choice.A, JudgmentHistory.Choice.B);
                    assertThat(j.timeOnTask().isNegative()).isFalse();
                });
        assertThat(detail.deletable()).isFalse();
        assertThat(detail.decision()).isNotNull();
    }

    @Test
    void aJudgedInteractionCannotBeDeletedButAnUnjudgedOneCan() {
        Deal deal = judgeOnce();
        long judged = id(deal.interactionId());

        assertThatThrownBy(() -> catalog.delete(judged))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        long unjudged = catalog.browse(CatalogFilter.ALL, CatalogSort.NEWEST, 0, 10).stream()
                .filter(row -> row.judgments() == 0).findFirst().orElseThrow().id();
        catalog.delete(unjudged);

        assertThat(catalog.detail(unjudged)).isEmpty();
        assertThat(catalog.detail(judged)).isPresent();
    }

    @Test
    void onlyEngineersRetireOrDelete() {
        data.signIn(data.user("lead", null, Role.LEAD));

        assertThatThrownBy(() -> catalog.retire(id("poem-1"))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> catalog.delete(id("poem-1"))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void countsTheJudgmentsMadeOnEachInteraction() {
        judgeOnce();
        judgeOnce();
        judgeOnce();

        List<InteractionRow> rows = catalog.browse(CatalogFilter.ALL,
                new CatalogSort(CatalogSort.Column.JUDGMENTS, true), 0, 10);
        assertThat(rows).hasSize(3);
        for (InteractionRow row : rows) {
            long made = jdbc.queryForObject("select count(*) from judgment j join pair p on p.id = j.pair_id "
                    + "where p.interaction_id = ?", Long.class, row.id());
            assertThat(row.judgments()).as("judgments of %s", row.externalId()).isEqualTo(made);
            assertThat(catalog.detail(row.id()).orElseThrow().judgments()).isEqualTo(made);
        }
        assertThat(rows).extracting(InteractionRow::judgments).isSortedAccordingTo((a, b) -> b - a);
        List<CategoryCount> counts = catalog.categoryCounts();
        for (CategoryCount count : counts) {
            assertThat(count.judgments()).as("judgments in %s", count.category()).isEqualTo(rows.stream()
                    .filter(row -> row.category() == count.category()).mapToLong(InteractionRow::judgments).sum());
        }
        assertThat(counts.stream().mapToLong(CategoryCount::judgments).sum()).isEqualTo(3);
    }

    private Deal judgeOnce() {
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, "clear");
        return deal;
    }

    private List<String> ids(CatalogFilter filter) {
        return catalog.browse(filter, CatalogSort.NEWEST, 0, 50).stream().map(InteractionRow::externalId).toList();
    }

    private long id(String externalId) {
        return jdbc.queryForObject("select id from interaction where external_id = ?", Long.class, externalId);
    }
}
