package com.verdict.export;

import com.verdict.base.ApiException;
import com.verdict.base.RequestParameters;
import com.verdict.people.CurrentUser;
import com.verdict.people.Person;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dataset files, their manifests and the export history. Parameters are checked before the first byte is
 * sent, so a bad one is a clean 400; the file itself streams from the database.
 */
@RestController
@RequestMapping("/api/export")
@PreAuthorize("hasRole('ENGINEER')")
class ExportApiController {

    static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);

    private final ExportService exports;
    private final CurrentUser currentUser;

    ExportApiController(ExportService exports, CurrentUser currentUser) {
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GetMapping("/history")
    List<HistoryResponse> history(@RequestParam(defaultValue = "100") String limit) {
        return exports.history(RequestParameters.wholeNumber("limit", limit, 1, ExportService.MAX_HISTORY)).stream()
                .map(HistoryResponse::of).toList();
    }

    @GetMapping("/{file}")
    ResponseEntity<StreamingResponseBody> file(@PathVariable String file,
            @RequestParam MultiValueMap<String, String> parameters) {
        ExportFormat format = format(file);
        ExportFilter filter = ExportFilter.parse(format, parameters);
        ExportRequester requester = requester();
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + format.file() + "\"")
                .body(out -> exports.write(format, filter, out, requester, n -> { }));
    }

    @GetMapping("/{file}/manifest")
    ExportManifest manifest(@PathVariable String file, @RequestParam MultiValueMap<String, String> parameters)
            throws IOException {
        ExportFormat format = format(file);
        return exports.manifest(format, ExportFilter.parse(format, parameters));
    }

    private static ExportFormat format(String file) {
        return ExportFormat.ofFile(file).orElseThrow(() -> ApiException.notFound(
                "No export file '" + file + "' (there are " + ExportFormat.allFiles() + ")"));
    }

    private ExportRequester requester() {
        Person person = currentUser.person();
        return currentUser.tokenName()
                .map(token -> new ExportRequester(person.id(), person.username(), "token", token))
                .orElseGet(() -> new ExportRequester(person.id(), person.username(), "basic", null));
    }

    record HistoryResponse(long id, String user, String via, String token, String format, String query,
            Map<String, Object> filters, long records, boolean completed, String sha256, Instant startedAt,
            Instant finishedAt) {

        static HistoryResponse of(ExportHistoryEntry entry) {
            return new HistoryResponse(entry.id(), entry.username(), entry.via(), entry.tokenName(),
                    entry.format().file(), entry.filters(),
                    ExportFilter.parse(entry.format(), QueryString.parse(entry.filters())).describe(),
                    entry.records(), entry.completed(), entry.sha256(), entry.startedAt(), entry.finishedAt());
        }
    }

    /** Splits a stored query string back into its parameters. */
    static final class QueryString {

        private QueryString() {
        }

        static Map<String, List<String>> parse(String query) {
            return UriComponentsBuilder.fromUriString("?" + query).build(true).getQueryParams().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
                            .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8)).toList()));
        }
    }
}
