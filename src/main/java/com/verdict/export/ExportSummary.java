package com.verdict.export;

import java.util.Map;

/** How many records a file holds, in all and by category key. */
public record ExportSummary(long records, Map<String, Long> byCategory) {
}
