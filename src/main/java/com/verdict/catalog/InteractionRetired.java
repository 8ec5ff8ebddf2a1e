package com.verdict.catalog;

import java.util.List;

/** Published inside the retiring transaction: the interaction's pairs must no longer be dealt. */
public record InteractionRetired(long interactionId, List<Long> pairIds) {
}
