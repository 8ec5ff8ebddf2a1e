package com.verdict.catalog;

import com.verdict.base.VerdictProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final InteractionStore store;
    private final ApplicationEventPublisher events;
    private final VerdictProperties properties;
    private final Counter importedLines;
    private final Counter skippedLines;
    private final Counter invalidLines;

    JsonlImporter(InteractionStore store, ApplicationEventPublisher events, VerdictProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.importedLines = meters.counter("verdict.import.lines", "result", "imported");
        this.skippedLines = meters.counter("verdict.import.lines", "result", "skipped");
        this.invalidLines = meters.counter("verdict.import.lines", "result", "invalid");
    }

    ImportResult importJsonl(InputStream in, ImportMode mode) {
        Run run = new Run(mode, new LineParser(properties.catalog().maxTextChars()));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            run.readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import", e);
        }
        run.flush();
        if (run.totalErrors > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            invalidLines.increment(run.invalidLines);
            throw new ImportRejected("The file has " + run.totalErrors + " error(s); nothing was imported",
                    run.errors, run.totalErrors);
        }
        if (!run.conflicts.isEmpty()) {
            throw new ImportConflict(run.conflicts);
        }
        importedLines.increment(run.imported);
        skippedLines.increment(run.skipped);
        invalidLines.increment(run.invalidLines);
        return new ImportResult(run.imported, run.skipped + run.invalidLines, run.errors, run.totalErrors);
    }

    /** The state of one import as it reads its lines. */
    private final class Run {
        private final ImportMode mode;
        private final LineParser parser;
        private final Map<String, Long> lineOfId = new HashMap<>();
        private final List<ParsedInteraction> batch = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final List<String> conflicts = new ArrayList<>();
        private int totalErrors;
        private int invalidLines;
        private int imported;
        private int skipped;

        Run(ImportMode mode, LineParser parser) {
            this.mode = mode;
            this.parser = parser;
        }

        void readAll(BufferedReader reader) throws IOException {
            long line = 0;
            while (true) {
                String text;
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    // The decoder cannot resynchronise reliably: report the line and stop reading.
                    report(List.of(new ImportError(line + 1, "", "is not valid UTF-8")));
                    return;
                }
                if (text == null) {
                    return;
                }
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    accept(text, line);
                }
            }
        }

        private void accept(String text, long line) {
            List<ImportError> lineErrors = new ArrayList<>(0);
            Optional<ParsedInteraction> parsed = parser.parse(text, line, lineErrors);
            if (parsed.isPresent()) {
                Long first = lineOfId.putIfAbsent(parsed.get().externalId(), line);
                if (first != null) {
                    lineErrors.add(new ImportError(line, "id",
                            "duplicate id '" + parsed.get().externalId() + "' (first used on line " + first + ")"));
                }
            }
            if (!lineErrors.isEmpty()) {
                report(lineErrors);
                return;
            }
            if (mode == ImportMode.SKIP_INVALID || totalErrors == 0) {
                batch.add(parsed.get());
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
        }

        private void report(List<ImportError> lineErrors) {
            invalidLines++;
            totalErrors += lineErrors.size();
            for (ImportError error : lineErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(error);
                }
            }
        }

        void flush() {
            if (batch.isEmpty() || (mode == ImportMode.ALL_OR_NOTHING && totalErrors > 0)) {
                batch.clear();
                return;
            }
            Map<String, ParsedInteraction> stored = store.existing(batch.stream().map(ParsedInteraction::externalId).toList());
            List<ParsedInteraction> fresh = new ArrayList<>(batch.size());
            for (ParsedInteraction interaction : batch) {
                ParsedInteraction existing = stored.get(interaction.externalId());
                if (existing == null) {
                    fresh.add(interaction);
                } else if (existing.sameContentAs(interaction)) {
                    skipped++;
                } else {
                    conflicts.add(interaction.externalId());
                }
            }
            batch.clear();
            if (!fresh.isEmpty() && conflicts.isEmpty()) {
                events.publishEvent(new PairsAdded(store.insert(fresh)));
                imported += fresh.size();
            }
        }
    }
}
