package com.verdict.catalog;

import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads a JSONL file line by line and stores it in batches, so memory stays flat whatever the file's
 * size. Runs inside the caller's transaction: throwing rolls the whole import back.
 */
@Component
class JsonlImporter {

    static final int MAX_REPORTED_ERRORS = 100;
    private static final int BATCH = 500;
    /** Room for the JSON syntax and escapes around the texts of the largest valid line. */
    private static final int LINE_OVERHEAD_BYTES = 1 << 20;

    private final InteractionStore store;
    private final JudgmentHistory history;
    private final ApplicationEventPublisher events;
    private final VerdictProperties properties;
    private final Counter importedLines;
    private final Counter skippedLines;
    private final Counter replacedLines;
    private final Counter invalidLines;

    JsonlImporter(InteractionStore store, JudgmentHistory history, ApplicationEventPublisher events,
            VerdictProperties properties, MeterRegistry meters) {
        this.store = store;
        this.history = history;
        this.events = events;
        this.properties = properties;
        this.importedLines = lines(meters, "imported");
        this.skippedLines = lines(meters, "skipped");
        this.replacedLines = lines(meters, "replaced");
        this.invalidLines = lines(meters, "invalid");
    }

    private static Counter lines(MeterRegistry meters, String result) {
        return Counter.builder("verdict.import.lines")
                .description("Import lines by what became of them; lines of a refused import count only as invalid")
                .tag("result", result)
                .register(meters);
    }

    ImportResult importJsonl(InputStream in, ImportMode mode, OnConflict onConflict) {
        VerdictProperties.Catalog limits = properties.catalog();
        Run run = new Run(mode, onConflict, new LineParser(limits.maxTextChars(), limits.maxResponses()));
        // Each text may need up to 6 bytes a character when escaped (\\uXXXX).
        long maxLineBytes = 6L * limits.maxTextChars() * (limits.maxResponses() + 3) + LINE_OVERHEAD_BYTES;
        JsonlLines lines = new JsonlLines(in, (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 16));
        try {
            for (JsonlLines.Line line = lines.next(); line != null; line = lines.next()) {
                run.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import", e);
        }
        run.flush();
        if (!run.read) {
            // An empty upload is a wrong file far more often than an import of nothing on purpose.
            run.fileProblem = new ImportError(1, "", "the file is empty");
        }
        // Whatever the mode: skipping the invalid lines of a file that is wrong as a whole would import nothing.
        if (run.fileProblem != null) {
            throw new ImportRejected("The file cannot be imported: " + run.fileProblem.message() + "; nothing was "
                    + "imported", List.of(run.fileProblem), 1);
        }
        invalidLines.increment(run.invalidLines);
        if (run.totalErrors > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            throw new ImportRejected("The file has " + Words.count(run.totalErrors, "error") + " on "
                    + Words.count(run.invalidLines, "line") + "; nothing was imported", run.errors, run.totalErrors);
        }
        if (run.conflicts > 0) {
            throw new ImportConflict(run.changed, run.judged, run.conflicts);
        }
        importedLines.increment(run.imported);
        skippedLines.increment(run.skipped);
        replacedLines.increment(run.replaced);
        return new ImportResult(run.imported, run.skipped, run.invalidLines, run.replaced, run.errors,
                run.totalErrors, run.notes, run.totalNotes);
    }

    /** The state of one import as it reads its lines. */
    private final class Run {
        private final ImportMode mode;
        private final OnConflict onConflict;
        private final LineParser parser;
        private final Map<String, Long> lineOfId = new HashMap<>();
        private final List<ParsedInteraction> batch = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final List<ImportError> notes = new ArrayList<>();
        private int totalNotes;
        private final List<ImportConflict.Conflicting> changed = new ArrayList<>();
        private final List<ImportConflict.Conflicting> judged = new ArrayList<>();
        private int conflicts;
        private int totalErrors;
        private int invalidLines;
        private int imported;
        private int skipped;
        private int replaced;
        /** What is wrong with the file as a whole, when something is: no line after it is read. */
        private ImportError fileProblem;
        /** Whether any line had something on it. */
        private boolean read;

        Run(ImportMode mode, OnConflict onConflict, LineParser parser) {
            this.mode = mode;
            this.onConflict = onConflict;
            this.parser = parser;
        }

        void accept(JsonlLines.Line line) {
            if (fileProblem != null) {
                return;
            }
            read |= line.problem() != null || !line.text().isBlank();
            if (line.ofTheFile()) {
                fileProblem = new ImportError(line.number(), "", line.problem());
                return;
            }
            if (line.problem() != null) {
                report(List.of(new ImportError(line.number(), "", line.problem())));
                return;
            }
            if (line.text().isBlank()) {
                return;
            }
            if (line.number() == 1 && opensADocument(line.text())) {
                // A pretty-printed JSON array or object: an error on every line of it would not say what is wrong.
                fileProblem = new ImportError(1, "", "the file is one JSON document spread over several lines; "
                        + "the import takes JSON Lines: one interaction, a JSON object, on each line");
                return;
            }
            List<ImportError> lineErrors = new ArrayList<>(0);
            Optional<ParsedInteraction> parsed = parser.parse(line.text(), line.number(), lineErrors);
            if (parsed.isPresent()) {
                Long first = lineOfId.putIfAbsent(parsed.get().externalId(), line.number());
                if (first != null) {
                    lineErrors.add(new ImportError(line.number(), "id",
                            "duplicate id '" + parsed.get().externalId() + "' (first used on line " + first + ")"));
                }
            }
            if (!lineErrors.isEmpty()) {
                report(lineErrors);
                return;
            }
            if (storing()) {
                batch.add(parsed.get());
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
        }

        /**
         * A valid line worth a second look: in databricks-dolly-15k every closed_qa, information_extraction and
         * summarization record carries the passage its answer draws on. Without one, judges weigh the answers blind
         * and the Dolly record teaches the task without its text; yet a passage written into the instruction is fair,
         * so this is a note, not an error.
         */
        private void note(ParsedInteraction interaction) {
            if (interaction.category().needsContext() && interaction.context().isBlank()) {
                totalNotes++;
                if (notes.size() < MAX_REPORTED_ERRORS) {
                    notes.add(new ImportError(interaction.line(), "context", interaction.category().key()
                            + " answers from a context, and this line has none: judges see the instruction alone, "
                            + "and its Dolly record has an empty context"));
                }
            }
        }

        /** A refused file is still read to the end, to report every error, but no longer stored. */
        private boolean storing() {
            return mode == ImportMode.SKIP_INVALID || totalErrors == 0;
        }

        private void report(List<ImportError> lineErrors) {
            invalidLines++;
            totalErrors += lineErrors.size();
            for (ImportError error : lineErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(error);
                }
            }
            if (!storing()) {
                batch.clear();
            }
        }

        void flush() {
            if (batch.isEmpty() || !storing()) {
                batch.clear();
                return;
            }
            Map<String, InteractionStore.Stored> stored = store.existing(
                    batch.stream().map(ParsedInteraction::externalId).toList());
            List<ParsedInteraction> fresh = new ArrayList<>(batch.size());
            Map<Long, ParsedInteraction> replacing = new LinkedHashMap<>();
            Map<Long, ParsedInteraction> refused = new LinkedHashMap<>();
            for (ParsedInteraction interaction : batch) {
                InteractionStore.Stored existing = stored.get(interaction.externalId());
                if (existing == null) {
                    fresh.add(interaction);
                } else if (existing.content().sameContentAs(interaction)) {
                    skipped++;
                } else if (onConflict == OnConflict.REPLACE) {
                    replacing.put(existing.id(), interaction);
                } else {
                    refused.put(existing.id(), interaction);
                }
            }
            batch.clear();
            if (!replacing.isEmpty()) {
                Set<Long> alreadyJudged = store.judged(replacing.keySet(), history);
                alreadyJudged.forEach(id -> conflict(judged, replacing.remove(id)));
            }
            if (!refused.isEmpty()) {
                // Judged ones are named as such here too: the message offers on-conflict=replace for the others only.
                Set<Long> alreadyJudged = store.judged(refused.keySet(), history);
                refused.forEach((id, interaction) -> conflict(alreadyJudged.contains(id) ? judged : changed,
                        interaction));
            }
            if (conflicts > 0) {
                return;
            }
            store.delete(replacing.keySet());
            fresh.addAll(replacing.values());
            // Notes for the lines stored now, in the file's order: a line stored already was noted when it was.
            fresh.stream().sorted(Comparator.comparingLong(ParsedInteraction::line)).forEach(this::note);
            if (!fresh.isEmpty()) {
                events.publishEvent(new PairsAdded(store.insert(fresh)));
            }
            imported += fresh.size() - replacing.size();
            replaced += replacing.size();
        }

        private void conflict(List<ImportConflict.Conflicting> ids, ParsedInteraction interaction) {
            conflicts++;
            if (ids.size() < MAX_REPORTED_ERRORS) {
                ids.add(new ImportConflict.Conflicting(interaction.externalId(), interaction.line()));
            }
        }

        /** "[" or "{" alone on the first line, or an array opening it: the start of an indented JSON document. */
        private static boolean opensADocument(String firstLine) {
            String start = firstLine.strip();
            return start.equals("[") || start.equals("{") || start.startsWith("[") && !start.endsWith("]");
        }
    }
}
