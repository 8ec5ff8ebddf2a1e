package com.verdict.export;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/export")
@PreAuthorize("hasRole('ENGINEER')")
class ExportApiController {

    static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);

    private final DollyExport dolly;

    ExportApiController(DollyExport dolly) {
        this.dolly = dolly;
    }

    @GetMapping("/dolly.jsonl")
    ResponseEntity<StreamingResponseBody> dolly() {
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dolly.jsonl\"")
                .body(dolly::write);
    }
}
