package com.verdict.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.base.ui.Times;
import com.verdict.catalog.Category;
import com.verdict.export.ExportFormat;
import com.verdict.export.ExportHistoryEntry;
import com.verdict.export.Verdicts;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class ExportViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Times times;

    Person engineer;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.interactions("view-export", 7);
        Map<String, List<String>> plan = new HashMap<>();
        IntStream.range(0, 7).forEach(i -> plan.put("view-export-" + i, Collections.nCopies(3, i % 2 == 0 ? "low" : "high")));
        Verdicts.play(judging, List.of(data.user("view-judge"), data.user("view-judge"), data.user("view-judge")),
                plan);
        engineer = data.user("view-engineer", null, Role.ENGINEER);
        ViewTestSupport.signInAndSetUp(context, engineer);
        UI.getCurrent().navigate(ExportView.class);
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void showsTheCountAndTheFirstLinesExactlyAsTheyWillBeWritten() {
        assertThat(count()).isEqualTo("7 records — Open Q&A 7");
        List<String> lines = _get(Pre.class, spec -> spec.withClasses("verdict-export-preview")).getText().lines().toList();
        assertThat(lines).hasSize(ExportView.PREVIEW_LINES);
        assertThat(lines.get(0)).isEqualTo("{\"instruction\":\"Question view-export-0?\",\"context\":\"\","
                + "\"response\":\"Answer 0 to view-export-0\",\"category\":\"open_qa\"}");
        assertThat(lines.get(1)).contains("\"response\":\"Answer 1 to view-export-1\"");
    }

    @Test
    void filtersAndFormatsChangeThePreview() {
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Category> categories = _get(MultiSelectComboBox.class);
        categories.setValue(Set.of(Category.BRAINSTORMING));
        assertThat(count()).isEqualTo("0 records");
        assertThat(_get(Pre.class).getText()).isEqualTo("(no records)");
        Anchor download = _get(Anchor.class, spec -> spec.withClasses("verdict-export-download"));
        assertThat(download.isEnabled()).as("nothing to download").isFalse();
        categories.clear();
        assertThat(download.isEnabled()).as("a valid choice can be downloaded while it is counted").isTrue();
        assertThat(count()).startsWith("7 records");
        assertThat(download.isEnabled()).isTrue();

        @SuppressWarnings("unchecked")
        Select<String> split = _get(Select.class);
        split.setValue("test");
        _get(NumberField.class, spec -> spec.withLabel("Test fraction")).setValue(0.5);
        String test = count();
        split.setValue("train");
        String train = count();
        assertThat(Integer.parseInt(test.split(" ")[0]) + Integer.parseInt(train.split(" ")[0])).isEqualTo(7);
        split.setValue("all");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<ExportFormat> format = _get(RadioButtonGroup.class);
        format.setValue(ExportFormat.JUDGMENTS);
        assertThat(count()).startsWith("21 records");
        assertThat(_get(Pre.class).getText().lines().findFirst().orElseThrow()).startsWith("{\"id\":\"view-export-");
        assertThat(_get(Checkbox.class, spec -> spec.withClasses("verdict-export-dedupe")).isEnabled())
                .isFalse();
    }

    @Test
    void daysPickedAreWholeDaysOfTheContestsZone() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<DatePicker> days = _find(DatePicker.class);
        assertThat(days).extracting(DatePicker::getHelperText).containsOnly("Days in UTC");
        days.get(0).setValue(today);
        assertThat(count()).startsWith("7 records");
        days.get(1).setValue(today);
        assertThat(count()).as("up to and including today").startsWith("7 records");
        days.get(0).setValue(today.plusDays(1));
        days.get(1).setValue(null);
        assertThat(count()).isEqualTo("0 records");
    }

    @Test
    void badValuesAreShownAndDisableTheDownload() {
        NumberField minConfidence = _get(NumberField.class, spec -> spec.withLabel("Minimum confidence"));
        minConfidence.setValue(3.0);

        // Under the field, once: not again in the result in the API's words.
        assertThat(minConfidence.isInvalid()).isTrue();
        assertThat(minConfidence.getErrorMessage()).isEqualTo("Must be a number from 0 to 1, not '3.0'");
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-export-problems")).getText()).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withClasses("verdict-export-download")).isEnabled()).isFalse();

        minConfidence.setValue(0.5);
        assertThat(minConfidence.isInvalid()).isFalse();
    }

    @Test
    void downloadsTheFileAndLogsItInTheHistory() throws Exception {
        byte[] file = DownloadKt._download(_get(Anchor.class, spec -> spec.withClasses("verdict-export-download")));
        MockVaadin.clientRoundtrip();

        assertThat(new String(file, StandardCharsets.UTF_8).lines()).hasSize(7);
        assertThat(jdbc.queryForMap("select username, via, format, records, completed from export_history "
                        + "order by id desc limit 1"))
                .containsEntry("USERNAME", engineer.username()).containsEntry("VIA", "ui")
                .containsEntry("FORMAT", "dolly").containsEntry("RECORDS", 7L).containsEntry("COMPLETED", true);
        @SuppressWarnings("unchecked")
        Grid<ExportHistoryEntry> history = _get(Grid.class);
        assertThat(GridKt._get(history, 0).username()).isEqualTo(engineer.username());
        assertThat(GridKt._get(history, 0).records()).isEqualTo(7);
        assertThat(ExportView.via(GridKt._get(history, 0))).isEqualTo("This view");
        assertThat(GridKt._getFormatted(history, 0, "sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @Test
    void onlyWhatChangedSinceMyLastDownloadBeginsAMinuteBeforeIt() {
        Checkbox sinceLast = _get(Checkbox.class, spec -> spec.withClasses("verdict-export-since-last"));
        DatePicker from = _find(DatePicker.class).get(0);
        assertThat(sinceLast.getHelperText()).isEqualTo("No download of this file by you yet: the whole file");
        sinceLast.setValue(true);
        assertThat(from.isEnabled()).as("the day picked gives way").isFalse();
        assertThat(count()).startsWith("7 records");

        Anchor download = _get(Anchor.class, spec -> spec.withClasses("verdict-export-download"));
        DownloadKt._download(download);
        MockVaadin.clientRoundtrip();
        // As if every decision had been made a minute and a half before that download began: none changed since.
        Instant started = jdbc.queryForObject("select started_at from export_history where id = "
                + "(select max(id) from export_history)", Timestamp.class).toInstant();
        jdbc.update("update interaction_decision set updated_at = ?", Timestamp.from(started.minusSeconds(90)));
        sinceLast.setValue(false);
        sinceLast.setValue(true);

        assertThat(sinceLast.getHelperText()).isEqualTo("From " + times.formatWithZone(started.minusSeconds(60))
                + ", a minute before that download began: what was decided while it ran is in both files");
        assertThat(count()).isEqualTo("0 records");
        // Another file has its own last download: none yet.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ExportFormat> format = _get(RadioButtonGroup.class);
        format.setValue(ExportFormat.JUDGMENTS);
        assertThat(count()).startsWith("21 records");
        sinceLast.setValue(false);
        assertThat(from.isEnabled()).isTrue();
    }

    @Test
    void countsOffTheUiThreadAndShowsOnlyTheLatestChoice() {
        count();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Category> categories = _get(MultiSelectComboBox.class);
        Span count = _get(Span.class, spec -> spec.withClasses("verdict-export-count"));
        Pre lines = _get(Pre.class);

        // Read without a lookup: Karibu's lookups run the UI's queue, where a finished count waits to be shown.
        categories.setValue(Set.of(Category.BRAINSTORMING));
        assertThat(count.getText()).isEqualTo("Counting records…");
        assertThat(lines.getClassNames()).as("the last choice's lines, dimmed").contains("verdict-stale");
        categories.setValue(Set.of(Category.OPEN_QA, Category.BRAINSTORMING));
        categories.setValue(Set.of(Category.CLASSIFICATION));
        categories.setValue(Set.of(Category.OPEN_QA));

        assertThat(count()).isEqualTo("7 records — Open Q&A 7");
        assertThat(lines.getClassNames()).doesNotContain("verdict-stale");
        // A superseded count still on its way would show itself in a later round.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).pollInSameThread().until(() -> {
            MockVaadin.clientRoundtrip();
            return count.getText().equals("7 records — Open Q&A 7");
        });
    }

    /** The count once known: the view counts in the background. */
    private static String count() {
        await("the count").atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return !countNow().equals("Counting records…");
                });
        return countNow();
    }

    private static String countNow() {
        return _get(Span.class, spec -> spec.withClasses("verdict-export-count")).getText();
    }
}
