package com.verdict.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.AuditLog;
import com.verdict.catalog.ImportError;
import com.verdict.catalog.ImportMode;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Import view in a mocked Vaadin environment (Karibu-Testing) over the shared Spring context. */
@VerdictTest
class ImportViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;

    ImportView view;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("com.verdict"), context, UI::new));
        view = context.getAutowireCapableBeanFactory().createBean(ImportView.class);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void uploadingAFileWithErrorsListsEveryErrorAndImportsNothing() {
        String file = TestData.interactionLine("view-1", 2) + "\n{\"id\": \"view-2\"}\n"
                + TestData.interactionLine("view-3", 2).replace("\"open_qa\"", "\"sonnet\"");

        UploadKt._upload(_get(Upload.class), "faulty.jsonl", "application/x-ndjson",
                file.getBytes(StandardCharsets.UTF_8));
        awaitResult();

        assertThat(banner()).contains("The file has 4 errors on 2 lines; nothing was imported");
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-import-file")).getElement()
                .getTextRecursively()).isEqualTo("faulty.jsonl");
        @SuppressWarnings("unchecked")
        Grid<ImportError> errors = _get(Grid.class);
        assertThat(GridKt._size(errors)).isEqualTo(4);
        assertThat(GridKt._get(errors, 0)).isEqualTo(new ImportError(2, "instruction", "is required"));
        assertThat(GridKt._get(errors, 3).line()).isEqualTo(3);
        assertThat(GridKt._get(errors, 3).field()).isEqualTo("category");
        assertThat(jdbc.queryForObject("select count(*) from interaction", Long.class)).isZero();
    }

    @Test
    void aFileRejectedWholeHasItsOtherLinesImportedInOneMoreClick() {
        String file = TestData.interactionLine("again-1", 2) + "\n{\"id\": \"again-2\"}\n"
                + TestData.interactionLine("again-3", 3);
        UploadKt._upload(_get(Upload.class), "again.jsonl", "application/x-ndjson",
                file.getBytes(StandardCharsets.UTF_8));
        awaitResult();
        assertThat(banner()).contains("nothing was imported");

        _click(_get(Button.class, spec -> spec.withText("Import the other lines, skipping those with errors")));
        awaitResult();

        assertThat(banner()).contains("Import finished");
        assertThat(view.getElement().getTextRecursively()).contains("2 imported").contains("1 invalid");
        assertThat(jdbc.queryForList("select external_id from interaction order by external_id", String.class))
                .containsExactly("again-1", "again-3");
        assertThat(_find(Button.class, spec -> spec.withText("Import the other lines, skipping those with errors")))
                .as("once").isEmpty();
    }

    @Test
    void skippingInvalidLinesImportsTheRestAndStillListsTheErrors() {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ImportMode> mode = _get(RadioButtonGroup.class, spec -> spec.withCaption("If a line is invalid"));
        mode.setValue(ImportMode.SKIP_INVALID);
        String file = TestData.interactionLine("skip-1", 2) + "\nnot json\n" + TestData.interactionLine("skip-2", 3);
        Person engineer = data.user("importer", null, Role.ENGINEER);
        data.signIn(engineer);

        UploadKt._upload(_get(Upload.class), "mixed.jsonl", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8));
        awaitResult();

        assertThat(banner()).contains("Import finished");
        assertThat(view.getElement().getTextRecursively()).contains("2 imported").contains("0 unchanged")
                .contains("1 invalid");
        assertThat(GridKt._size(_get(Grid.class))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from interaction", Long.class)).isEqualTo(2);
        assertThat(audit.latest(10)).as("the import's entry names who uploaded it").anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(engineer.username());
            assertThat(entry.action()).isEqualTo("interactions.imported");
        });
    }

    @Test
    void linesImportedButWorthALookAreListedApart() {
        String file = TestData.interactionLine("note-1", 2).replace("\"open_qa\"", "\"information_extraction\"")
                + "\n" + TestData.interactionLine("note-2", 2);

        UploadKt._upload(_get(Upload.class), "notes.jsonl", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8));
        awaitResult();

        assertThat(banner()).contains("Import finished");
        assertThat(view.getElement().getTextRecursively()).contains("2 imported").contains("Worth a look")
                .contains("1 line imported, but worth a look:");
        @SuppressWarnings("unchecked")
        Grid<ImportError> notes = _get(Grid.class, spec -> spec.withClasses("verdict-import-notes"));
        assertThat(GridKt._size(notes)).isEqualTo(1);
        assertThat(GridKt._get(notes, 0).line()).isEqualTo(1);
        assertThat(GridKt._get(notes, 0).message()).startsWith("information_extraction answers from a context");
    }

    /** The import runs in the background; its results reach the UI as the mocked client polls. */
    private void awaitResult() {
        await("the import's result").atMost(Duration.ofSeconds(20)).pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    MockVaadin.clientRoundtrip();
                    return !_find(Div.class, spec -> spec.withClasses("verdict-banner")).isEmpty();
                });
    }

    private String banner() {
        return _get(Div.class, spec -> spec.withClasses("verdict-banner")).getElement().getTextRecursively();
    }
}
