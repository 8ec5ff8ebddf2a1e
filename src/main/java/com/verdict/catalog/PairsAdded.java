package com.verdict.catalog;

import java.util.List;

/** Published inside the import's transaction: these pairs now exist and may be judged. */
public record PairsAdded(List<NewPair> pairs) {

    public record NewPair(long pairId, long interactionId) {
    }
}
