package com.verdict.export;

import java.util.List;
import java.util.Map;

/** What a file would hold: its record count, by category, and its first lines exactly as they would be written. */
public record ExportPreview(long records, Map<String, Long> byCategory, List<String> firstLines) {
}
