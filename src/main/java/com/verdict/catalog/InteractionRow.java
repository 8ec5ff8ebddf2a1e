package com.verdict.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One interaction in the catalog's list. {@code instruction} is its start only; {@code sources} are its
 * candidates' distinct sources.
 */
public record InteractionRow(long id, String externalId, String instruction, Category category,
        InteractionStatus status, int candidates, int judgments, boolean gold, List<String> tags,
        List<String> sources, Instant createdAt) {
}
