package com.verdict.export;

import com.verdict.catalog.CandidateText;
import com.verdict.catalog.CatalogService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the files' records ask of the catalog beside their own rows: texts, tags, and the catalog's filters. */
final class CatalogLookup {

    private final CatalogService catalog;

    CatalogLookup(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The candidates' texts by candidate id. */
    Map<Long, CandidateText> texts(List<Long> candidateIds) {
        return byCandidate(catalog.candidateTexts(candidateIds));
    }

    /** The tagged ones among these interactions, or null when the filter names no tag. */
    Set<Long> tagged(ExportFilter filter, Collection<Long> interactionIds) {
        return filter.tag() == null ? null : catalog.interactionIdsWithTag(filter.tag(), interactionIds);
    }

    /** Whether the text is there, not retired, and of a category and (when the filter names one) a tag it wants. */
    boolean admits(ExportFilter filter, CandidateText text, Set<Long> tagged) {
        return text != null && !text.retired() && filter.admitsCategory(text.category())
                && (tagged == null || tagged.contains(text.interactionId()));
    }

    private static Map<Long, CandidateText> byCandidate(List<CandidateText> texts) {
        Map<Long, CandidateText> byId = new HashMap<>(texts.size() * 2);
        texts.forEach(t -> byId.put(t.candidateId(), t));
        return byId;
    }
}
