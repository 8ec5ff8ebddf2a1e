package com.verdict.catalog;

import com.verdict.base.ApiError;
import com.verdict.base.ApiException;
import com.verdict.base.RequestParameters;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/interactions")
class InteractionApiController {

    private static final List<String> IMPORT_PARAMETERS = List.of("mode", "on-conflict");

    private final CatalogService catalog;

    InteractionApiController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * JSONL in, one interaction a line; {@code mode=skip-invalid} imports the valid lines of a faulty file,
     * {@code on-conflict=replace} replaces stored interactions whose content changed, if none is judged yet.
     */
    @PostMapping(consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    @PreAuthorize("hasRole('ENGINEER')")
    ImportResponse importJsonl(InputStream body, @RequestParam(defaultValue = "all-or-nothing") String mode,
            @RequestParam(name = "on-conflict", defaultValue = "reject") String onConflict,
            @RequestParam Map<String, String> parameters) throws IOException {
        // A misspelt "mdoe=skip-invalid" would otherwise run all or nothing without a word.
        List<String> unknown = RequestParameters.unknown(parameters.keySet(), IMPORT_PARAMETERS);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Invalid request parameter", unknown);
        }
        ImportMode importMode = switch (mode) {
            case "all-or-nothing" -> ImportMode.ALL_OR_NOTHING;
            case "skip-invalid" -> ImportMode.SKIP_INVALID;
            default -> throw ApiException.badRequest("Invalid request parameter",
                    List.of("mode: must be all-or-nothing or skip-invalid, not '" + mode + "'"));
        };
        OnConflict conflicts = switch (onConflict) {
            case "reject" -> OnConflict.REJECT;
            case "replace" -> OnConflict.REPLACE;
            default -> throw ApiException.badRequest("Invalid request parameter",
                    List.of("on-conflict: must be reject or replace, not '" + onConflict + "'"));
        };
        ImportResult result = catalog.importJsonl(body, importMode, conflicts);
        return new ImportResponse(result.imported(), result.skipped(), result.unchanged(), result.invalid(),
                result.replaced(),
                importMode == ImportMode.SKIP_INVALID ? result.errors() : null,
                importMode == ImportMode.SKIP_INVALID ? result.totalErrors() : null,
                result.notes(), result.totalNotes());
    }

    /** {@code skipped} = {@code unchanged} + {@code invalid}: scripts read it since before the two were told apart. */
    record ImportResponse(int imported, int skipped, int unchanged, int invalid, int replaced, List<ImportError> errors,
            Integer totalErrors, List<ImportError> notes, int totalNotes) {
    }

    record ImportFailure(String error, List<ImportError> errors, int totalErrors) {
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ImportFailure> rejected(ImportRejected e) {
        return ResponseEntity.badRequest().body(new ImportFailure(e.getMessage(), e.errors(), e.totalErrors()));
    }

    @ExceptionHandler(ImportConflict.class)
    ResponseEntity<ApiError> conflict(ImportConflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.getMessage(), e.ids()));
    }
}
