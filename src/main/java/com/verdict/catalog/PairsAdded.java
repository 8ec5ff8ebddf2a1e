package com.verdict.catalog;

import java.util.List;

/**
 * Published inside the import's transaction: these pairs now exist and may be judged. A {@code gold} pair
 * holds the known better response of a gold interaction.
 */
public record PairsAdded(List<NewPair> pairs) {

    public record NewPair(long pairId, long interactionId, boolean gold) {
    }
}
