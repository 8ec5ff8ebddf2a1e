package com.verdict.export;

import java.time.Instant;

/**
 * One file written: who, how, which format with which filters (as a query string), how many records, and
 * whether it was written to the end.
 */
public record ExportHistoryEntry(long id, String username, String via, String tokenName, ExportFormat format,
        String filters, long records, boolean completed, Instant startedAt, Instant finishedAt) {
}
