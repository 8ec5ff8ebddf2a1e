package com.verdict.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.verdict.base.ApiException;
import com.verdict.base.Words;
import com.verdict.base.ui.FieldErrors;
import com.verdict.base.ui.Times;
import com.verdict.base.ui.UiAccess;
import com.verdict.catalog.Category;
import com.verdict.export.ExportFilter;
import com.verdict.export.ExportFormat;
import com.verdict.export.ExportHistoryEntry;
import com.verdict.export.ExportPreview;
import com.verdict.export.ExportRequester;
import com.verdict.export.ExportService;
import com.verdict.people.CurrentUser;
import com.verdict.people.Person;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For engineers: choose a file and its filters, see how many records it holds and its first lines exactly as
 * they will be written, download it with progress, and see who exported what.
 */
@Route("export")
@PageTitle("Export · Verdict")
@Menu(order = 20, icon = "vaadin:download", title = "Export")
@RolesAllowed("ENGINEER")
public class ExportView extends Div {

    private static final Logger log = LoggerFactory.getLogger(ExportView.class);
    static final int PREVIEW_LINES = 5;
    private static final int HISTORY_ROWS = 50;
    private final ExportService exports;
    private final Times times;
    private final ExportRequester requester;

    private final RadioButtonGroup<ExportFormat> format = new RadioButtonGroup<>("File");
    private final MultiSelectComboBox<Category> categories = new MultiSelectComboBox<>("Categories");
    private final ComboBox<String> source = new ComboBox<>("Source");
    private final TextField tag = new TextField("Tag");
    private final NumberField minConfidence = new NumberField("Minimum confidence");
    private final IntegerField minJudgments = new IntegerField("Minimum judgments");
    private final DatePicker since = new DatePicker("Decided or judged from");
    private final DatePicker until = new DatePicker("Up to and including");
    private final Checkbox includeContested = new Checkbox("Include contested interactions");
    private final Checkbox dedupe = new Checkbox("One interaction per instruction (the most confident)");
    private final Checkbox sinceLastExport = new Checkbox("Only what changed since my last download of this file");
    private final Select<String> split = new Select<>();
    private final NumberField testFraction = new NumberField("Test fraction");

    private final Span count = new Span();
    private final Span problems = new Span();
    private final Pre firstLines = new Pre();
    private final Anchor download;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressLabel = new Span();
    private final Grid<ExportHistoryEntry> history = new Grid<>(ExportHistoryEntry.class, false);

    /** The current choice, read by the download (which runs outside the UI lock). */
    private volatile Choice choice;
    /** Where "since my last download" of the chosen file begins; null when there was none. UI lock only. */
    private Instant lastExportSince;
    /** The count of the choice shown, 0 while it is counted; touched with the UI locked only. */
    private long expectedRecords;
    private final Counting counting = new Counting();
    private final FieldErrors fieldErrors = new FieldErrors();

    record Choice(ExportFormat format, ExportFilter filter) {
    }

    public ExportView(ExportService exports, CurrentUser currentUser, Times times) {
        this.exports = exports;
        this.times = times;
        Person me = currentUser.person();
        this.requester = ExportRequester.viaUi(me.id(), me.username());
        this.download = new Anchor((DownloadHandler) this::download, AttachmentType.DOWNLOAD, "");
        addClassNames("verdict-page", "verdict-export");
        add(new H1("Export the dataset"), intro(), choices(), result(), new H3("Export history"), history());
        addDetachListener(e -> counting.stop());
        refresh();
    }

    private static Component intro() {
        Paragraph intro = new Paragraph("Files are JSON Lines in UTF-8, read from one consistent snapshot. The "
                + "same choices always give the same bytes, so a manifest's SHA-256 identifies a file. See "
                + "docs/EXPORT.md for the formats and for scripting with an API token.");
        intro.addClassName("verdict-muted");
        return intro;
    }

    private Component choices() {
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(ExportFormat::label);
        format.setValue(ExportFormat.DOLLY);
        categories.setItems(Category.values());
        categories.setItemLabelGenerator(Category::label);
        source.setItems(exports.sources());
        source.setAllowCustomValue(true);
        source.addCustomValueSetListener(e -> source.setValue(e.getDetail()));
        source.setClearButtonVisible(true);
        tag.setClearButtonVisible(true);
        minConfidence.setMin(0);
        minConfidence.setMax(1);
        minConfidence.setStep(0.05);
        minConfidence.setStepButtonsVisible(true);
        // The Catalog shows confidence as a percentage: say that this field takes a share, so 80 is not typed.
        minConfidence.setHelperText("From 0 to 1, e.g. 0.8 for 80%");
        minJudgments.setMin(0);
        minJudgments.setStepButtonsVisible(true);
        split.setLabel("Split");
        split.setItems("all", "train", "test");
        split.setValue("all");
        testFraction.setValue(ExportFilter.DEFAULT_TEST_FRACTION);
        testFraction.setMin(0.01);
        testFraction.setMax(0.99);
        testFraction.setStep(0.05);
        testFraction.setEnabled(false);
        Times.isoDays(since);
        Times.isoDays(until);
        since.setHelperText("Days in " + times.zone().getId());
        until.setHelperText("Days in " + times.zone().getId());
        dedupe.addClassName("verdict-export-dedupe");
        sinceLastExport.addClassName("verdict-export-since-last");
        fieldErrors.on("category", categories).on("source", source).on("tag", tag)
                .on("min-confidence", minConfidence).on("min-judgments", minJudgments).on("since", since)
                .on("until", until).on("split", split).on("test-fraction", testFraction);
        FormLayout form = new FormLayout(categories, source, tag, minConfidence, minJudgments, since, until, split,
                testFraction, includeContested, dedupe, sinceLastExport);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        List.<HasValue<?, ?>>of(format, categories, source, tag, minConfidence, minJudgments, since, until,
                includeContested, dedupe, sinceLastExport, split, testFraction)
                .forEach(field -> field.addValueChangeListener(e -> refresh()));
        Div card = new Div(format, form);
        card.addClassNames("verdict-card", "verdict-export-choices");
        return card;
    }

    private Component result() {
        count.addClassName("verdict-export-count");
        problems.addClassName("verdict-export-problems");
        firstLines.addClassName("verdict-export-preview");
        download.addClassName("verdict-export-download");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span("Download"));
        // The click reaches the server as the download starts: poll until it ends so that progress shows.
        download.getElement().addEventListener("click", e -> startProgress());
        progress.setVisible(false);
        progress.addClassName("verdict-export-progress");
        progressLabel.addClassName("verdict-muted");
        Div actions = new Div(count, download, progress, progressLabel);
        actions.addClassName("verdict-export-actions");
        Div card = new Div(actions, problems, firstLines);
        card.addClassNames("verdict-card", "verdict-export-result");
        return card;
    }

    private Component history() {
        history.addColumn(e -> times.format(e.startedAt())).setHeader(times.header("When")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ExportHistoryEntry::username).setHeader("Who").setAutoWidth(true);
        history.addColumn(ExportView::via).setHeader("Via").setAutoWidth(true);
        history.addColumn(e -> e.format().file()).setHeader("File").setAutoWidth(true);
        history.addColumn(e -> e.filters().isEmpty() ? "—" : e.filters()).setHeader("Filters").setFlexGrow(1);
        history.addColumn(e -> e.completed() ? String.valueOf(e.records()) : e.records() + " (broken off)")
                .setHeader("Records").setAutoWidth(true).setFlexGrow(0);
        // The whole hash in the cell, cut short on screen: selecting it copies all of it, for sha256sum -c.
        history.addColumn(e -> e.sha256() == null ? "—" : e.sha256()).setHeader("SHA-256").setKey("sha256")
                .setWidth("9em").setFlexGrow(0).setTooltipGenerator(e -> e.sha256() == null ? null : e.sha256());
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No exports yet");
        refreshHistory();
        return history;
    }

    /** "This view", "API token 'nightly'", "API (password)": how a file was fetched, in words. */
    static String via(ExportHistoryEntry entry) {
        return switch (entry.via()) {
            case "ui" -> "This view";
            case "token" -> "API token '" + entry.tokenName() + "'";
            case "basic" -> "API (password)";
            default -> entry.via();
        };
    }

    /**
     * Re-reads the choice: shows what is wrong with it at once, or counts it in the background (a count reads the
     * whole file, seconds on a contest's database) and shows its count and first lines when they are known.
     */
    void refresh() {
        boolean ranked = !"all".equals(split.getValue());
        testFraction.setEnabled(ranked);
        dedupe.setEnabled(format.getValue() != ExportFormat.JUDGMENTS);
        if (!dedupe.isEnabled()) {
            dedupe.setValue(false);
        }
        showSinceLastExport();
        try {
            choice = new Choice(format.getValue(), ExportFilter.parse(format.getValue(), parameters()));
        } catch (ApiException e) {
            choice = null;
            counting.stop();
            // Under the field it is about, where the user looks; in the result only what no field takes.
            problems.setText(String.join("; ", fieldErrors.mark(e.details())));
            count.setText("");
            firstLines.setText("");
            firstLines.setVisible(false);
            download.setEnabled(false);
            return;
        }
        fieldErrors.clear();
        firstLines.setVisible(true);
        problems.setText("");
        expectedRecords = 0;
        count.setText("Counting records…");
        firstLines.addClassName("verdict-stale");
        download.setEnabled(true);
        counting.count(choice);
    }

    /** Where "since my last download" begins for the chosen file; the day picked for "from" gives way to it. */
    private void showSinceLastExport() {
        lastExportSince = exports.sinceLastExport(requester.username(), format.getValue()).orElse(null);
        sinceLastExport.setHelperText(lastExportSince == null ? "No download of this file by you yet: the whole file"
                : "From " + times.formatWithZone(lastExportSince) + ", a minute before that download began: what was "
                        + "decided while it ran is in both files");
        since.setEnabled(!sinceLastExport.getValue());
    }

    private void show(ExportPreview preview) {
        expectedRecords = preview.records();
        count.setText(Words.count(preview.records(), "record")
                + (preview.byCategory().isEmpty() ? "" : " — " + preview.byCategory().entrySet().stream()
                        .map(e -> Category.fromKey(e.getKey()).map(Category::label).orElse(e.getKey()) + " "
                                + e.getValue()).collect(Collectors.joining(", "))));
        firstLines.removeClassName("verdict-stale");
        firstLines.setText(preview.firstLines().isEmpty() ? "(no records)" : String.join("\n", preview.firstLines()));
        download.setEnabled(preview.records() > 0);
    }

    private void showCountFailed() {
        count.setText("Counting the records failed; change a field to try again, or see the server's log.");
        firstLines.removeClassName("verdict-stale");
        firstLines.setText("");
        download.setEnabled(false);
    }

    /**
     * Counts one choice at a time, off the UI thread: a new choice stops the count running (its reading stops within
     * a page) and waits for it to end, and only the latest choice waits, so quick changes never pile up readers.
     * Touched only with the UI locked.
     */
    private final class Counting {
        private Count running;
        private Choice waiting;

        /** One count, wanted until a newer choice or the view's closing says otherwise (read off the UI thread). */
        private static final class Count {
            private volatile boolean wanted = true;
        }

        void count(Choice next) {
            if (running == null) {
                start(next);
            } else {
                running.wanted = false;
                waiting = next;
            }
        }

        void stop() {
            if (running != null) {
                running.wanted = false;
            }
            waiting = null;
        }

        private void start(Choice next) {
            UI ui = UI.getCurrent();
            Count count = new Count();
            running = count;
            exports.previewInBackground(next.format(), next.filter(), PREVIEW_LINES, () -> count.wanted)
                    .whenComplete((preview, failure) -> UiAccess.ifOpen(ui, () -> {
                        ended(count, preview);
                        if (failure != null && count.wanted && running == null) {
                            log.error("Counting an export's records failed", failure);
                            showCountFailed();
                        }
                    }));
        }

        /** The count ended, with its preview or without (stopped, or failed): the latest choice waiting goes next. */
        private void ended(Count count, ExportPreview preview) {
            running = null;
            if (waiting != null) {
                Choice next = waiting;
                waiting = null;
                start(next);
            } else if (preview != null && count.wanted) {
                show(preview);
            }
        }
    }

    /** The fields as the query parameters the REST API takes, so both are checked by the same rules. */
    private Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!categories.getSelectedItems().isEmpty()) {
            parameters.put("category", categories.getSelectedItems().stream().map(Category::key).toList());
        }
        putIfSet(parameters, "source", source.getValue());
        putIfSet(parameters, "tag", tag.getValue());
        putIfSet(parameters, "min-confidence", minConfidence.getValue());
        putIfSet(parameters, "min-judgments", minJudgments.getValue());
        // Days as the other views count them, in the contest's zone (the API's dates are UTC days).
        if (sinceLastExport.getValue()) {
            putIfSet(parameters, "since", lastExportSince);
        } else {
            putIfSet(parameters, "since", since.getValue() == null ? null : times.startOf(since.getValue()));
        }
        putIfSet(parameters, "until", until.getValue() == null ? null : times.startOf(until.getValue().plusDays(1)));
        if (includeContested.getValue()) {
            parameters.put("include-contested", List.of("true"));
        }
        if (dedupe.getValue()) {
            parameters.put("dedupe", List.of("instruction"));
        }
        if (!"all".equals(split.getValue())) {
            parameters.put("split", List.of(split.getValue()));
            putIfSet(parameters, "test-fraction", testFraction.getValue());
        }
        return parameters;
    }

    private static void putIfSet(Map<String, List<String>> parameters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, List.of(value.toString()));
        }
    }

    private void startProgress() {
        UI ui = UI.getCurrent();
        ui.setPollInterval(500);
        progress.setVisible(true);
        progress.setIndeterminate(expectedRecords == 0);
        progress.setValue(0);
        progressLabel.setText("Preparing the download…");
    }

    /** Streams the chosen file to the browser; runs on the download request, outside the UI lock. */
    private void download(DownloadEvent event) throws IOException {
        Choice chosen = choice;
        UI ui = event.getUI();
        if (chosen == null) {
            event.getResponse().setStatus(400);
            return;
        }
        event.setFileName(chosen.format().file());
        event.setContentType("application/x-ndjson; charset=utf-8");
        try {
            long records = exports.write(chosen.format(), chosen.filter(), event.getOutputStream(), requester, n -> {
                if (n % 1000 == 0) {
                    UiAccess.ifOpen(ui, () -> showProgress(n));
                }
            }).records();
            UiAccess.ifOpen(ui, () -> finishProgress(records + " records downloaded"));
        } catch (IOException e) {
            UiAccess.ifOpen(ui, () -> finishProgress("The download broke off"));
            throw e;
        }
    }

    /** How far the download is; against the count when it is known (a download may start while counting). */
    private void showProgress(long written) {
        long expected = expectedRecords;
        progress.setIndeterminate(expected == 0);
        if (expected > 0) {
            progress.setValue(Math.min(1.0, (double) written / expected));
            progressLabel.setText(written + " of " + expected + " records");
        } else {
            progressLabel.setText(written + " records so far");
        }
    }

    private void finishProgress(String message) {
        progress.setVisible(false);
        progressLabel.setText(message);
        refreshHistory();
        if (sinceLastExport.getValue()) {
            refresh();   // the next file of what changed since begins at this one
        } else {
            showSinceLastExport();
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void refreshHistory() {
        history.setItems(exports.history(HISTORY_ROWS));
    }
}
