package com.verdict.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.verdict.base.ApiException;
import com.verdict.base.Words;
import com.verdict.base.ui.Confirmation;
import com.verdict.base.ui.SafeMarkdown;
import com.verdict.base.ui.Times;
import com.verdict.catalog.CandidateView;
import com.verdict.catalog.CatalogFilter;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.CatalogSort;
import com.verdict.catalog.Category;
import com.verdict.catalog.CategoryCount;
import com.verdict.catalog.CurrentDecisions;
import com.verdict.catalog.InteractionDetail;
import com.verdict.catalog.InteractionRow;
import com.verdict.catalog.InteractionStatus;
import com.verdict.catalog.JudgmentHistory;
import com.verdict.people.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where every interaction stands: per-category coverage in the header, a lazy, filterable list paged in SQL,
 * and a detail panel with candidates and their sources, pairs, judgments and the current decision.
 * Engineers may retire or delete; leads only look.
 */
@Route("catalog")
@PageTitle("Catalog · Verdict")
@Menu(order = 21, icon = "vaadin:records", title = "Catalog")
@RolesAllowed({"ENGINEER", "LEAD"})
public class CatalogView extends Div {


    private final CatalogService catalog;
    private final boolean engineer;
    private final long viewerId;
    private final Times times;
    private final Div counts = new Div();
    private final ComboBox<Category> category = new ComboBox<>("Category");
    private final ComboBox<String> source = new ComboBox<>("Source");
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final ComboBox<InteractionStatus> status = new ComboBox<>("Status");
    private final TextField search = new TextField("Search");
    private final Span matches = new Span();
    private final Grid<InteractionRow> grid = new Grid<>(InteractionRow.class, false);
    private final Div detail = new Div();
    private CatalogFilter filter = CatalogFilter.ALL;

    public CatalogView(CatalogService catalog, AuthenticationContext authentication, CurrentUser currentUser,
            Times times) {
        this.catalog = catalog;
        this.times = times;
        this.engineer = authentication.hasRole("ENGINEER");
        this.viewerId = currentUser.id();
        addClassNames("verdict-page", "verdict-catalog");
        counts.addClassName("verdict-catalog-counts");
        detail.addClassName("verdict-catalog-detail");
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSplitterPosition(64);
        split.addClassName("verdict-catalog-split");
        add(new H1("Catalog"), counts, filters(), split);
        configureGrid();
        showCounts();
        showNothingSelected();
    }

    private Component filters() {
        category.setItems(Category.values());
        category.setItemLabelGenerator(Category::label);
        source.setItems(catalog.sources());
        tag.setItems(catalog.tags());
        status.setItems(InteractionStatus.values());
        status.setItemLabelGenerator(InteractionStatus::label);
        search.setPlaceholder("Instruction or id");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        for (ComboBox<?> box : List.of(category, source, tag, status)) {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> applyFilter());
        }
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> applyFilter());
        matches.addClassName("verdict-catalog-matches");
        Div filters = new Div(category, source, tag, status, search, matches);
        filters.addClassName("verdict-catalog-filters");
        return filters;
    }

    private void configureGrid() {
        grid.addColumn(InteractionRow::externalId).setHeader("Id").setKey("externalId").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        // What an engineer scans and sorts by first (status, judgments) before what the detail shows anyway: beside
        // the detail the list is narrow, and the judgments column sat out of sight.
        grid.addColumn(InteractionRow::instruction).setHeader("Instruction").setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(InteractionRow::instruction);
        // Sortable headers get widths of their own: measured widths leave out the sorter's arrows ("Sta…").
        grid.addComponentColumn(r -> statusBadge(r.status())).setHeader("Status").setKey("status").setSortable(true)
                .setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(InteractionRow::judgments).setHeader("Judgments").setKey("judgments").setSortable(true)
                .setWidth("8.5em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> badge(r.category().label(), "contrast")).setHeader("Category")
                .setKey("category").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InteractionRow::candidates).setHeader("Resp.").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> r.gold() ? badge("gold", "warning") : new Span()).setHeader("Gold")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.join(", ", r.tags())).setHeader("Tags").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> times.format(r.createdAt())).setHeader(times.header("Imported")).setKey("created")
                .setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> catalog.browse(filter, sort(query.getSortOrders()), query.getOffset(), query.getLimit())
                .stream(), query -> catalog.count(filter));
        grid.setPageSize(50);
        grid.setEmptyStateText("No interaction matches: change the filters, or import interactions.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addClassName("verdict-catalog-grid");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                showNothingSelected();
            } else {
                showDetail(e.getValue().id());
            }
        });
        updateMatches();
    }

    private static CatalogSort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return CatalogSort.NEWEST;
        }
        QuerySortOrder order = orders.get(0);
        boolean descending = order.getDirection() == SortDirection.DESCENDING;
        CatalogSort.Column column = switch (order.getSorted()) {
            case "externalId" -> CatalogSort.Column.EXTERNAL_ID;
            case "category" -> CatalogSort.Column.CATEGORY;
            case "status" -> CatalogSort.Column.STATUS;
            case "judgments" -> CatalogSort.Column.JUDGMENTS;
            default -> CatalogSort.Column.CREATED;
        };
        return new CatalogSort(column, descending);
    }

    void applyFilter() {
        filter = new CatalogFilter(category.getValue(), source.getValue(), tag.getValue(), status.getValue(),
                search.getValue());
        grid.getDataProvider().refreshAll();
        updateMatches();
    }

    private void updateMatches() {
        int count = catalog.count(filter);
        matches.setText(Words.count(count, "interaction"));
    }

    private void showCounts() {
        counts.removeAll();
        List<CategoryCount> all = catalog.categoryCounts();
        long interactions = all.stream().mapToLong(CategoryCount::interactions).sum();
        long decided = all.stream().mapToLong(CategoryCount::decided).sum();
        long judgments = all.stream().mapToLong(CategoryCount::judgments).sum();
        counts.add(countCard("All categories", interactions, decided, judgments, true));
        for (CategoryCount count : all) {
            counts.add(countCard(count.category().label(), count.interactions(), count.decided(), count.judgments(),
                    false));
        }
    }

    private static Component countCard(String title, long interactions, long decided, long judgments, boolean total) {
        Span name = new Span(title);
        name.addClassName("verdict-count-title");
        Span main = new Span(String.format(Locale.ROOT, "%,d", interactions));
        main.addClassName("verdict-count-value");
        int percent = interactions == 0 ? 0 : (int) Math.round(100.0 * decided / interactions);
        Span sub = new Span(String.format(Locale.ROOT, "%,d decided (%d%%)", decided, percent));
        Span judged = new Span(Words.count(judgments, "judgment"));
        judged.addClassName("verdict-count-sub");
        sub.addClassName("verdict-count-sub");
        Div coverage = new Div();
        coverage.addClassName("verdict-count-coverage");
        coverage.getStyle().set("--verdict-coverage", percent + "%");
        Div card = new Div(name, main, sub, judged, coverage);
        card.addClassName("verdict-count-card");
        if (total) {
            card.addClassName("verdict-count-total");
        }
        return card;
    }

    private void showNothingSelected() {
        detail.removeAll();
        Paragraph hint = new Paragraph("Select an interaction to see its responses, pairs, judgments and decision.");
        hint.addClassNames("verdict-muted", "verdict-catalog-hint");
        detail.add(VaadinIcon.RECORDS.create(), hint);
    }

    void showDetail(long interactionId) {
        detail.removeAll();
        Optional<InteractionDetail> found = catalog.detail(interactionId);
        if (found.isEmpty()) {
            grid.deselectAll();
            showNothingSelected();
            return;
        }
        InteractionDetail d = found.get();
        boolean blind = catalog.blindFor(viewerId, interactionId);
        H3 title = new H3(d.externalId());
        Div head = new Div(title, statusBadge(d.status()), badge(d.category().label(), "contrast"));
        if (d.goldBest() != null && !blind) {
            head.add(badge("gold: " + number(d.goldBest()) + " is better", "warning"));
        }
        d.tags().forEach(t -> head.add(badge(t, "")));
        head.addClassName("verdict-detail-head");
        detail.add(head);
        // Shown as judges see them: Markdown, rendered safely.
        Div instruction = new Div(new SafeMarkdown(d.instruction()));
        instruction.addClassName("verdict-detail-instruction");
        detail.add(instruction);
        if (!d.context().isBlank()) {
            Details context = new Details("Context", new SafeMarkdown(d.context()));
            context.addClassName("verdict-detail-context");
            detail.add(context);
        }
        if (blind) {
            // Leads and engineers judge too: a pair they hold stays blind here until their verdict is in.
            Paragraph withheld = new Paragraph("You hold a pair of this interaction in a round: its responses' "
                    + "sources, its verdicts and its decision show here once your verdict is in.");
            withheld.addClassName("verdict-detail-withheld");
            detail.add(withheld);
            return;
        }
        if (d.goldWhy() != null) {
            Paragraph why = new Paragraph("Why " + number(d.goldBest()) + " is better: " + d.goldWhy());
            why.addClassName("verdict-muted");
            detail.add(why);
        }
        detail.add(decision(d), new H4("Responses"));
        d.candidates().forEach(c -> detail.add(candidate(c, d)));
        detail.add(new H4("Pairs and judgments (" + d.judgments() + ")"));
        d.pairs().forEach(p -> detail.add(pair(p)));
        if (engineer) {
            detail.add(actions(d));
        }
    }

    private static Component decision(InteractionDetail d) {
        Div box = new Div();
        box.addClassName("verdict-detail-decision");
        Span label = new Span("Current decision");
        label.addClassName("verdict-count-title");
        box.add(label);
        CurrentDecisions.Decision decision = d.decision();
        if (d.status() == InteractionStatus.CONTESTED) {
            box.add(new Span("Contested: its judges did not agree within the judgments a pair may take"));
        } else if (decision == null || decision.settledAs() == null) {
            box.add(new Span(d.judgments() == 0 ? "Undecided — not judged yet" : "Undecided so far"));
        } else {
            // Ties and both-bad settle too, but give the dataset no response: said so, as they are not "undecided".
            box.add(new Span(switch (decision.settledAs()) {
                case BEST -> d.candidates().stream().filter(c -> c.id() == decision.bestCandidateId()).findFirst()
                        .map(best -> "Best: " + number(best.position()) + " (" + best.source() + ")")
                        .orElse("Best decided");
                case TIE -> "Settled as a tie: no response goes to the dataset";
                case BOTH_BAD -> "Settled as both bad: no response goes to the dataset";
            }), new Span("confidence " + Words.confidence(decision.confidence())));
        }
        return box;
    }

    private static Component candidate(CandidateView c, InteractionDetail d) {
        Span label = new Span(number(c.position()));
        label.addClassName("verdict-candidate-number");
        Div head = new Div(label, badge(c.source(), "contrast"));
        if (d.goldBest() != null && d.goldBest() == c.position()) {
            head.add(badge("gold best", "warning"));
        }
        head.addClassName("verdict-candidate-head");
        Div card = new Div(head);
        if (c.text().isBlank()) {
            Span empty = new Span("(empty response)");
            empty.addClassName("verdict-empty-response");
            card.add(empty);
        } else {
            SafeMarkdown text = new SafeMarkdown(c.text());
            text.addClassName("verdict-candidate-text");
            card.add(text);
        }
        card.addClassName("verdict-candidate");
        return card;
    }

    private Component pair(InteractionDetail.PairDetail p) {
        Span title = new Span(number(p.a().position()) + " vs " + number(p.b().position()));
        title.addClassName("verdict-pair-title");
        Div head = new Div(title, new Span(Words.count(p.judgments().size(), "judgment")));
        if (p.gold()) {
            head.add(badge("gold pair", "warning"));
        }
        head.addClassName("verdict-pair-head");
        Div box = new Div(head);
        box.addClassName("verdict-detail-pair");
        if (!p.judgments().isEmpty()) {
            Grid<JudgmentHistory.PairJudgment> judgments = new Grid<>(JudgmentHistory.PairJudgment.class, false);
            judgments.addColumn(JudgmentHistory.PairJudgment::judge).setHeader("Judge").setAutoWidth(true);
            judgments.addColumn(j -> choice(j.choice(), p)).setHeader("Verdict").setAutoWidth(true);
            judgments.addColumn(j -> seconds(j.timeOnTask()) + (j.tooFast() ? " (too fast)" : ""))
                    .setHeader("Time on task").setAutoWidth(true);
            judgments.addColumn(j -> j.goldMatched() == null ? "" : j.goldMatched() ? "matched" : "missed")
                    .setHeader("Gold").setAutoWidth(true);
            judgments.addColumn(j -> times.format(j.at())).setHeader(times.header("When")).setAutoWidth(true);
            judgments.setItems(p.judgments());
            judgments.setAllRowsVisible(true);
            judgments.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
            box.add(judgments);
        }
        return box;
    }

    private static String choice(JudgmentHistory.Choice choice, InteractionDetail.PairDetail p) {
        return switch (choice) {
            case A -> number(p.a().position()) + " better";
            case B -> number(p.b().position()) + " better";
            case TIE -> "tie";
            case BOTH_BAD -> "both bad";
        };
    }

    /** A response's number on screen, from #1: files give its place from 0 ({@code "gold": {"best": 0}}). */
    private static String number(int position) {
        return "#" + (position + 1);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private Component actions(InteractionDetail d) {
        Button retire = new Button("Retire", VaadinIcon.ARCHIVE.create(), e -> confirm("Retire " + d.externalId() + "?",
                "Its pairs will no longer be dealt. It keeps its judgments and stays in the history.", "Retire",
                () -> catalog.retire(d.id())));
        retire.setEnabled(d.status() != InteractionStatus.RETIRED);
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirm("Delete " + d.externalId() + "?",
                "It will be removed with its responses and pairs. This cannot be undone.", "Delete",
                () -> catalog.delete(d.id())));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setEnabled(d.deletable());
        delete.setTooltipText(d.deletable() ? null : "Judged interactions can only be retired");
        Div actions = new Div(retire, delete);
        actions.addClassName("verdict-detail-actions");
        return actions;
    }

    private void confirm(String title, String text, String action, Runnable change) {
        Confirmation.ask(title, text, action, () -> {
            try {
                change.run();
                Notification.show(action + "d", 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ApiException ex) {
                Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
    }

    private void refresh() {
        Optional<InteractionRow> selected = grid.asSingleSelect().getOptionalValue();
        grid.getDataProvider().refreshAll();
        showCounts();
        updateMatches();
        selected.ifPresentOrElse(r -> showDetail(r.id()), this::showNothingSelected);
    }

    private static Component statusBadge(InteractionStatus status) {
        String theme = switch (status) {
            case OPEN -> "";
            case SETTLED -> "success";
            case CONTESTED -> "error";
            case RETIRED -> "contrast";
        };
        return badge(status.label(), theme);
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(("badge " + theme + " pill").replace("  ", " "));
        return badge;
    }
}
