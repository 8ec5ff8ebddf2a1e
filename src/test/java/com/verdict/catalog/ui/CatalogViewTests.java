package com.verdict.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ui.SafeMarkdown;
import com.verdict.catalog.Category;
import com.verdict.catalog.InteractionRow;
import com.verdict.catalog.InteractionStatus;
import com.verdict.catalog.JudgmentHistory;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import com.verdict.people.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Catalog view in a mocked Vaadin environment (Karibu-Testing) over the shared Spring context. */
@VerdictTest
class CatalogViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.interactions("cat", 30);
        data.importJsonl(TestData.interactionLine("story-1", 3).replace("\"open_qa\"", "\"creative_writing\""));
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("com.verdict"), context, UI::new));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void listsLazilyFiltersAndCountsPerCategory() {
        open(Role.ENGINEER);
        @SuppressWarnings("unchecked")
        Grid<InteractionRow> grid = _get(Grid.class, spec -> spec.withClasses("verdict-catalog-grid"));

        assertThat(GridKt._size(grid)).isEqualTo(31);
        assertThat(text("verdict-catalog-counts")).contains("All categories31").contains("Creative writing1");

        @SuppressWarnings("unchecked")
        ComboBox<Category> category = _get(ComboBox.class, spec -> spec.withCaption("Category"));
        category.setValue(Category.CREATIVE_WRITING);

        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).externalId()).isEqualTo("story-1");
        assertThat(text("verdict-catalog-filters")).contains("1 interaction");
    }

    @Test
    void theDetailShowsSourcesAndJudgmentsAndEngineersCanRetire() {
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
        open(Role.ENGINEER);
        @SuppressWarnings("unchecked")
        Grid<InteractionRow> grid = _get(Grid.class, spec -> spec.withClasses("verdict-catalog-grid"));
        @SuppressWarnings("unchecked")

        InteractionRow judged = java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
                .filter(r -> r.externalId().equals(deal.interactionId())).findFirst().orElseThrow();
        grid.select(judged);

        assertThat(text("verdict-catalog-detail")).contains(deal.interactionId()).contains("model-0")
                .contains("model-1").contains("#1 vs #2").contains("1 judgment");
        Div detail = _get(Div.class, spec -> spec.withClasses("verdict-catalog-detail"));
        @SuppressWarnings("unchecked")
        Grid<JudgmentHistory.PairJudgment> judgments = _get(detail, Grid.class);
        assertThat(GridKt._size(judgments)).isEqualTo(1);
        assertThat(GridKt._get(judgments, 0).judge()).isEqualTo(judge.displayName());
        assertThat(GridKt._getFormattedRow(judgments, 0)).anySatisfy(cell -> assertThat(cell).endsWith(" better"));
        Button delete = _get(Button.class, spec -> spec.withText("Delete"));
        assertThat(delete.isEnabled()).isFalse();

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Retire")));
        ButtonKt._click(_get(Button.class, spec -> spec.withClasses("verdict-confirm")));

        assertThat(text("verdict-catalog-detail")).contains("Retired");
        assertThat(GridKt._get(grid, 0).status()).isIn(InteractionStatus.OPEN, InteractionStatus.RETIRED);
        assertThat(grid.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>()).filter(
                r -> r.externalId().equals(deal.interactionId())).findFirst().orElseThrow().status())
                .isEqualTo(InteractionStatus.RETIRED);
    }

    @Test
    void theDetailShowsTextsAsJudgesSeeThemMarkdownRenderedAndHtmlInert() {
        data.importJsonl(TestData.interactionLine("md-1", 2)
                .replace("Question md-1?", "Sum **two** numbers")
                .replace("Answer 0 to md-1", "Use `a + b`<script>alert(1)</script>"));
        open(Role.ENGINEER);
        @SuppressWarnings("unchecked")
        Grid<InteractionRow> grid = _get(Grid.class, spec -> spec.withClasses("verdict-catalog-grid"));
        grid.select(java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
                .filter(r -> r.externalId().equals("md-1")).findFirst().orElseThrow());

        Div detail = _get(Div.class, spec -> spec.withClasses("verdict-catalog-detail"));
        assertThat(_find(detail, SafeMarkdown.class).stream().map(SafeMarkdown::getInnerHtml))
                .anySatisfy(html -> assertThat(html).contains("<strong>two</strong>"))
                .anySatisfy(html -> assertThat(html).contains("<code>a + b</code>")
                        .contains("&lt;script&gt;").doesNotContain("<script>"));
    }

    @Test
    void anInteractionSettledAsATieSaysSoAndConfidenceIsNeverRoundedUpToAHundred() {
        long tie = jdbc.queryForObject("select id from interaction where external_id = 'cat-1'", Long.class);
        long best = jdbc.queryForObject("select id from interaction where external_id = 'cat-2'", Long.class);
        jdbc.update("update interaction set status = 'SETTLED' where id in (?, ?)", tie, best);
        jdbc.update("update interaction_decision set state = 'SETTLED', outcome = 'TIE', confidence = 0.93 "
                + "where interaction_id = ?", tie);
        jdbc.update("update interaction_decision set state = 'SETTLED', outcome = 'BEST', confidence = 0.99565, "
                + "best_candidate = (select min(id) from candidate where interaction_id = ?) where interaction_id = ?",
                best, best);
        open(Role.ENGINEER);
        CatalogView view = _get(CatalogView.class);

        view.showDetail(tie);
        assertThat(text("verdict-detail-decision")).contains("Settled as a tie: no response goes to the dataset")
                .contains("confidence 93%");
        view.showDetail(best);
        assertThat(text("verdict-detail-decision")).contains("Best: #1 (model-0)").contains("confidence 99.5%");
        assertThat(text("verdict-catalog-counts")).as("the tie is settled, not decided")
                .contains("All categories311 decided (3%)");
    }

    @Test
    void aPairTheViewerHoldsStaysBlindUntilTheirVerdictIsIn() {
        Person lead = data.user("lead-judging", null, Role.LEAD);
        Deal held = judging.next(lead.id(), null).orElseThrow();
        Person other = data.user("judge");
        Deal seen = judging.next(other.id(), null).orElseThrow();
        judging.judge(other.id(), seen.assignmentId(), Verdict.LEFT, null);
        data.signIn(lead);
        UI.getCurrent().add(context.getAutowireCapableBeanFactory().createBean(CatalogView.class));
        CatalogView view = _get(CatalogView.class);
        long interactionId = jdbc.queryForObject("select id from interaction where external_id = ?", Long.class,
                held.interactionId());

        view.showDetail(interactionId);
        assertThat(text("verdict-catalog-detail")).contains("You hold a pair of this interaction")
                .doesNotContain("model-0").doesNotContain("model-1").doesNotContain("judgment");

        judging.judge(lead.id(), held.assignmentId(), Verdict.TIE, null);
        view.showDetail(interactionId);
        assertThat(text("verdict-catalog-detail")).doesNotContain("You hold a pair").contains("model-0")
                .contains("model-1");
    }

    @Test
    void leadsSeeEverythingButCannotChangeAnything() {
        open(Role.LEAD);
        @SuppressWarnings("unchecked")
        Grid<InteractionRow> grid = _get(Grid.class, spec -> spec.withClasses("verdict-catalog-grid"));
        grid.select(GridKt._get(grid, 0));

        assertThat(text("verdict-catalog-detail")).contains("model-0");
        assertThat(_find(Button.class, spec -> spec.withText("Retire"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Delete"))).isEmpty();
    }

    private void open(Role role) {
        data.signIn(data.user(role.name().toLowerCase(), null, role));
        UI.getCurrent().add(context.getAutowireCapableBeanFactory().createBean(CatalogView.class));
    }

    private static String text(String className) {
        return _get(Div.class, spec -> spec.withClasses(className)).getElement().getTextRecursively();
    }
}
