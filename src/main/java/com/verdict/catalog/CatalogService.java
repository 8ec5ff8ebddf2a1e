package com.verdict.catalog;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sample interactions, their candidate responses and the pairs to judge: the catalog feature's API. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final JsonlImporter importer;
    private final PairRepository pairs;
    private final CandidateRepository candidates;
    private final JdbcTemplate jdbc;

    CatalogService(JsonlImporter importer, PairRepository pairs, CandidateRepository candidates, JdbcTemplate jdbc) {
        this.importer = importer;
        this.pairs = pairs;
        this.candidates = candidates;
        this.jdbc = jdbc;
    }

    /**
     * Imports JSONL, one interaction a line. All or nothing by default: any error rejects the whole file
     * ({@link ImportRejected}); ids stored before with other content reject it too ({@link ImportConflict}).
     */
    @Transactional
    public ImportResult importJsonl(InputStream in, ImportMode mode) {
        return importer.importJsonl(in, mode);
    }

    public Optional<PairContent> pair(long pairId) {
        return pairs.findWithContent(pairId).map(p -> {
            Interaction i = p.getInteraction();
            return new PairContent(p.getId(), i.getId(), i.getExternalId(), i.getInstruction(), i.getContext(),
                    i.getCategory(), p.getA().view(), p.getB().view(), null);
        });
    }

    /** The interaction texts and the response text of each of these candidates. */
    public List<DollySource> dollySources(Collection<Long> candidateIds) {
        return candidateIds.isEmpty() ? List.of() : candidates.dollySources(candidateIds);
    }

    public long interactionCount() {
        return jdbc.queryForObject("select count(*) from interaction", Long.class);
    }
}
