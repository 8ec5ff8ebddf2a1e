package com.verdict.export;

import com.verdict.catalog.CandidateText;
import com.verdict.catalog.CatalogService;
import com.verdict.scoring.ExportedConsensus;
import com.verdict.scoring.ScoringService;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads that more than one file makes: interactions' consensus page by page, candidates' texts, the
 * interactions with the filter's tag, and the catalog's own filters.
 */
final class SharedReads {

    private final ScoringService scoring;
    private final CatalogService catalog;

    SharedReads(ScoringService scoring, CatalogService catalog) {
        this.scoring = scoring;
        this.catalog = catalog;
    }

    /** Every interaction's consensus, a page at a time in id order: what the Dolly and preference files start from. */
    void consensusPages(int page, DatasetWriter.Sink sink, DatasetWriter.Rows<ExportedConsensus> each)
            throws IOException {
        DatasetWriter.pages(after -> scoring.consensusPage(after, page), ExportedConsensus::interactionId, sink, each);
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
