package com.verdict.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.verdict.base.Races;
import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import com.verdict.base.ui.UiAccess;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.Category;
import com.verdict.catalog.ImportConflict;
import com.verdict.catalog.ImportError;
import com.verdict.catalog.ImportMode;
import com.verdict.catalog.ImportRejected;
import com.verdict.catalog.ImportResult;
import com.verdict.catalog.OnConflict;
import jakarta.annotation.security.RolesAllowed;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Engineers upload a JSONL file of interactions. The file is stored to a temporary file first, then imported
 * in the background through the same service call as {@code POST /api/interactions}, with a progress bar;
 * the result lists every error with its line and field.
 */
@Route("import")
@PageTitle("Import · Verdict")
@Menu(order = 20, icon = "vaadin:upload", title = "Import")
@RolesAllowed("ENGINEER")
public class ImportView extends Div {

    static final String EXAMPLE = """
            {"id": "q-001", "instruction": "Name three primary colours.", "context": "", "category": "open_qa",
             "responses": [{"text": "Red, yellow and blue.", "source": "model-a"}, {"text": "Green.", "source": "model-b"}],
             "gold": {"best": 0, "why": "Green is not a primary colour of paint."}, "tags": ["colours"]}""";
    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final long PROGRESS_STEP_BYTES = 1 << 20;

    private final CatalogService catalog;
    private final Executor executor;
    private final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>("If a line is invalid");
    private final RadioButtonGroup<OnConflict> onConflict = new RadioButtonGroup<>(
            "If an id is already stored with different content");
    private final Upload upload = new Upload();
    private final Div progress = new Div();
    private final ProgressBar progressBar = new ProgressBar(0, 1);
    private final Span progressLabel = new Span();
    private final Div result = new Div();
    private final Grid<ImportError> errors = lineGrid("Problem", "verdict-import-errors");
    private final Grid<ImportError> notes = lineGrid("Note", "verdict-import-notes");
    // Read by the upload's request thread, which must not touch components.
    private volatile ImportMode chosenMode = ImportMode.ALL_OR_NOTHING;
    private volatile OnConflict chosenOnConflict = OnConflict.REJECT;
    /** The file rejected last, kept for "import the other lines"; null when there is none. UI lock only. */
    private Rejected rejected;

    public ImportView(CatalogService catalog, VerdictProperties properties,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.catalog = catalog;
        this.executor = executor;
        addClassNames("verdict-page", "verdict-import");
        Paragraph intro = new Paragraph("Upload a JSONL file: one interaction a line, each with an instruction "
                + "and two or more responses to compare. A file with any error is rejected whole unless you choose "
                + "to import its valid lines; lines already stored as they are are skipped, so importing the same "
                + "file twice is safe.");
        intro.addClassName("verdict-muted");
        add(new H1("Import interactions"), intro, options(), uploader(properties), progress(), result);
        result.addClassName("verdict-import-result");
        addDetachListener(e -> discardRejected());
    }

    private Component options() {
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> m == ImportMode.ALL_OR_NOTHING
                ? "Reject the whole file" : "Import the valid lines, report the rest");
        mode.setValue(ImportMode.ALL_OR_NOTHING);
        mode.addValueChangeListener(e -> chosenMode = e.getValue());
        onConflict.setItems(OnConflict.values());
        onConflict.setItemLabelGenerator(c -> c == OnConflict.REJECT
                ? "Reject the file" : "Replace it, if nobody has judged it yet");
        onConflict.setValue(OnConflict.REJECT);
        onConflict.addValueChangeListener(e -> chosenOnConflict = e.getValue());
        Details format = new Details("Line format", new Pre(EXAMPLE), new Paragraph("Categories: "
                + Category.allKeys() + ". \"context\", \"source\" (default \"unknown\"), \"gold\" and \"tags\" are "
                + "optional; a Dolly record's \"response\" beside \"responses\" becomes one more candidate, with "
                + "source \"reference\". Unknown fields are errors."));
        format.addClassName("verdict-import-format");
        Div options = new Div(mode, onConflict, format);
        options.addClassNames("verdict-card", "verdict-import-options");
        return options;
    }

    private Component uploader(VerdictProperties properties) {
        upload.setAcceptedFileTypes(".jsonl", ".ndjson", ".json", ".txt");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) properties.catalog().maxUploadSize().toBytes());
        upload.setDropLabel(new Span("Drop a .jsonl file here (up to "
                + properties.catalog().maxUploadSize().toMegabytes() + " MB)"));
        upload.setUploadHandler(this::receive);
        // Poll while a file is on its way, so that the import's progress reaches the browser without push.
        upload.getElement().addEventListener("upload-start", e -> UI.getCurrent().setPollInterval(500));
        upload.addClassName("verdict-upload");
        return upload;
    }

    private Component progress() {
        progressBar.setIndeterminate(true);
        progressLabel.addClassName("verdict-import-progress-label");
        progress.add(progressLabel, progressBar);
        progress.addClassNames("verdict-card", "verdict-import-progress");
        progress.setVisible(false);
        return progress;
    }

    /** Lines by number with their field and what is said of them: errors, or notes. */
    private static Grid<ImportError> lineGrid(String said, String className) {
        Grid<ImportError> grid = new Grid<>(ImportError.class, false);
        grid.addColumn(ImportError::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.field().isEmpty() ? "—" : e.field()).setHeader("Field").setAutoWidth(true)
                .setFlexGrow(0).setPartNameGenerator(e -> "field");
        grid.addColumn(ImportError::message).setHeader(said).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassNames("verdict-import-lines", className);
        return grid;
    }

    /** A few lines take the room they need; more scroll in a grid of fixed height. */
    private static void show(Grid<ImportError> grid, List<ImportError> lines) {
        grid.setItems(lines);
        grid.setAllRowsVisible(lines.size() <= 8);
    }

    /** Runs on the upload's request thread: keeps the file on disk, then imports it in the background. */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        ImportMode importMode = chosenMode;
        OnConflict conflicts = chosenOnConflict;
        Path file = Files.createTempFile("verdict-import-", ".jsonl");
        try (InputStream in = event.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        long size = Files.size(file);
        UiAccess.ifOpen(ui, () -> {
            discardRejected();
            showRunning(fileName);
        });
        start(ui, file, size, importMode, conflicts);
    }

    /** Imports in the background, with the uploader's security context: its audit entry names them, not "system". */
    private void start(UI ui, Path file, long size, ImportMode importMode, OnConflict conflicts) {
        executor.execute(new DelegatingSecurityContextRunnable(() -> importFile(ui, file, size, importMode, conflicts),
                SecurityContextHolder.getContext()));
    }

    /**
     * A file rejected whole is kept on disk until the next upload, so that its valid lines can be imported in one more
     * click (where the user had to switch the mode and pick the same file again).
     */
    private record Rejected(Path file, long size, OnConflict conflicts) {
    }

    private void discardRejected() {
        if (rejected != null) {
            delete(rejected.file());
            rejected = null;
        }
    }

    private void importFile(UI ui, Path file, long size, ImportMode importMode, OnConflict conflicts) {
        boolean kept = false;
        try (InputStream in = new Counting(Files.newInputStream(file), size, fraction ->
                UiAccess.ifOpen(ui, () -> showProgress(fraction, size)))) {
            ImportResult imported = catalog.importJsonl(in, importMode, conflicts);
            UiAccess.ifOpen(ui, () -> showResult(imported));
        } catch (ImportRejected e) {
            Rejected retry = importMode == ImportMode.ALL_OR_NOTHING ? new Rejected(file, size, conflicts) : null;
            kept = retry != null;
            if (kept) {
                file.toFile().deleteOnExit();   // should the view close before it hears of the rejection
            }
            UiAccess.ifOpen(ui, () -> showRejected(e, ui, retry));
        } catch (ImportConflict e) {
            UiAccess.ifOpen(ui, () -> showConflict(e));
        } catch (IOException | RuntimeException e) {
            if (Races.storedByAnother(e) || Races.waitedTooLong(e)) {
                log.warn("An import lost a race with another writer: {}", e.getMessage());
                UiAccess.ifOpen(ui, this::showRace);
            } else {
                log.error("Import failed", e);
                UiAccess.ifOpen(ui, this::showFailure);
            }
        } finally {
            if (!kept) {
                delete(file);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    /** The file being imported, or last imported. UI lock only. */
    private String importing;

    private void showRunning(String fileName) {
        UI.getCurrent().setPollInterval(500);
        result.removeAll();
        progressBar.setIndeterminate(true);
        progressLabel.setText("Importing " + fileName + "…");
        importing = fileName;
        progress.setVisible(true);
        mode.setEnabled(false);
        onConflict.setEnabled(false);
    }

    private void showProgress(double fraction, long size) {
        progressBar.setIndeterminate(false);
        progressBar.setValue(fraction);
        progressLabel.setText("Importing… " + Math.round(fraction * 100) + "% of " + megabytes(size));
    }

    private void finished() {
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        mode.setEnabled(true);
        onConflict.setEnabled(true);
        upload.clearFileList();
        result.removeAll();
        // The upload list is cleared: the result names its file, or after a few uploads which one it was is lost.
        Span file = new Span(VaadinIcon.FILE_TEXT_O.create(), new Span(importing));
        file.addClassName("verdict-import-file");
        result.add(file);
    }

    private void showResult(ImportResult imported) {
        finished();
        Div summary = new Div(count(imported.imported(), "imported", "success"),
                count(imported.unchanged(), "unchanged", "contrast"), count(imported.replaced(), "replaced", "contrast"),
                count(imported.invalid(), "invalid", imported.invalid() > 0 ? "error" : "contrast"));
        summary.addClassName("verdict-import-summary");
        result.add(banner(VaadinIcon.CHECK_CIRCLE, "Import finished", "success"), summary);
        if (imported.totalErrors() > 0) {
            result.add(new H3("Lines not imported"), errorNote(imported.errors().size(), imported.totalErrors()));
            show(errors, imported.errors());
            result.add(errors);
        }
        if (imported.totalNotes() > 0) {
            Paragraph shown = new Paragraph((imported.notes().size() < imported.totalNotes()
                    ? "The first " + imported.notes().size() + " of " + imported.totalNotes() + " lines"
                    : Words.count(imported.totalNotes(), "line")) + " imported, but worth a look:");
            shown.addClassName("verdict-muted");
            show(notes, imported.notes());
            result.add(new H3("Worth a look"), shown, notes);
        }
    }

    private void showRejected(ImportRejected failure, UI ui, Rejected retry) {
        finished();
        result.add(banner(VaadinIcon.CLOSE_CIRCLE, failure.getMessage(), "error"));
        if (retry != null) {
            rejected = retry;
            String name = importing;
            Button skip = new Button("Import the other lines, skipping those with errors", VaadinIcon.FORWARD.create(),
                    e -> {
                        Rejected again = rejected;
                        rejected = null;
                        showRunning(name);
                        start(ui, again.file(), again.size(), ImportMode.SKIP_INVALID, again.conflicts());
                    });
            skip.addClassName("verdict-import-skip");
            result.add(skip);
        }
        result.add(errorNote(failure.errors().size(), failure.totalErrors()));
        show(errors, failure.errors());
        result.add(errors);
    }

    private void showConflict(ImportConflict conflict) {
        finished();
        UnorderedList ids = new UnorderedList();
        ids.addClassName("verdict-import-conflicts");
        conflict.ids().forEach(id -> ids.add(new ListItem(id)));
        result.add(banner(VaadinIcon.EXCLAMATION_CIRCLE, conflict.getMessage(), "error"), ids);
        if (conflict.total() > conflict.ids().size()) {
            result.add(new Paragraph("…and " + (conflict.total() - conflict.ids().size()) + " more."));
        }
    }

    private void showRace() {
        finished();
        result.add(banner(VaadinIcon.WARNING, "Another import was storing the same interactions at the same moment; "
                + "nothing was imported from this file. Import it again: what is already stored will be reported.",
                "error"));
    }

    private void showFailure() {
        finished();
        result.add(banner(VaadinIcon.WARNING, "The import failed unexpectedly; nothing was imported. "
                + "Please try again, and tell an administrator if it keeps failing.", "error"));
    }

    private static Component banner(VaadinIcon icon, String text, String theme) {
        Div banner = new Div(icon.create(), new Span(text));
        banner.addClassNames("verdict-banner", "verdict-banner-" + theme);
        return banner;
    }

    private static Component count(int value, String label, String theme) {
        Span badge = new Span(value + " " + label);
        badge.getElement().getThemeList().add("badge " + theme);
        badge.addClassName("verdict-import-count");
        return badge;
    }

    private static Component errorNote(int shown, int total) {
        Paragraph note = new Paragraph(shown < total
                ? "The first " + shown + " of " + total + " errors, by line:"
                : total + (total == 1 ? " error:" : " errors, by line:"));
        note.addClassName("verdict-muted");
        return note;
    }

    private static String megabytes(long bytes) {
        return bytes < 1 << 20 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** Reports the share read every {@value #PROGRESS_STEP_BYTES} bytes. */
    private static final class Counting extends FilterInputStream {

        private final long size;
        private final DoubleConsumer onProgress;
        private long read;
        private long reported;

        Counting(InputStream in, long size, DoubleConsumer onProgress) {
            super(in);
            this.size = Math.max(size, 1);
            this.onProgress = onProgress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) {
            read += n;
            if (read - reported >= PROGRESS_STEP_BYTES) {
                reported = read;
                onProgress.accept(Math.min(1.0, (double) read / size));
            }
        }
    }
}
