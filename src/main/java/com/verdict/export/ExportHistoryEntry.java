package com.verdict.export;

import java.time.Instant;

/**
 * One file written: who, how, which format with which filters (as a query string), how many records, whether it
 * was written to the end, and then the SHA-256 of the bytes sent (null for a file broken off, or logged before
 * hashes were kept).
 */
public record ExportHistoryEntry(long id, String username, String via, String tokenName, ExportFormat format,
        String filters, long records, boolean completed, String sha256, Instant startedAt, Instant finishedAt) {
}
