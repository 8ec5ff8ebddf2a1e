package com.verdict.export;

import java.time.Instant;
import java.util.Map;

/** What a file holds, and the SHA-256 (hex) of its bytes: the same parameters write the same bytes. */
public record ExportManifest(long records, Map<String, Long> byCategory, Map<String, Object> filters,
        Instant generatedAt, String appVersion, String sha256) {
}
