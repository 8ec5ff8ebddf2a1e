package com.verdict.catalog;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
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

    // ---- For the dataset export: bulk reads by id, one query per page of records, inside the export's
    // snapshot transaction.

    /** These candidates with their interactions' texts, in no particular order. */
    public List<CandidateText> candidateTexts(Collection<Long> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select c.id, i.id, i.external_id, i.instruction, i.context, i.category, c.position, c.text, c.source,
                    i.retired
                from unnest(?) as wanted(id) join candidate c on c.id = wanted.id
                    join interaction i on i.id = c.interaction_id""", ids(candidateIds),
                (rs, row) -> new CandidateText(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), category(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10)));
    }

    /** These pairs without their texts, in no particular order. */
    public List<PairOutline> pairOutlines(Collection<Long> pairIds) {
        if (pairIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select p.id, i.id, i.external_id, i.category, i.retired, a.id, a.position, a.source,
                    b.id, b.position, b.source
                from unnest(?) as wanted(id) join pair p on p.id = wanted.id
                    join interaction i on i.id = p.interaction_id
                    join candidate a on a.id = p.candidate_a join candidate b on b.id = p.candidate_b""", ids(pairIds),
                (rs, row) -> new PairOutline(rs.getLong(1), rs.getLong(2), rs.getString(3), category(rs.getString(4)),
                        rs.getBoolean(5), new PairOutline.Side(rs.getLong(6), rs.getInt(7), rs.getString(8)),
                        new PairOutline.Side(rs.getLong(9), rs.getInt(10), rs.getString(11))));
    }

    /**
     * Those of these interactions that carry {@code tag}. The catalog keeps no tags yet, so none does; once
     * interactions have tags this reads them.
     */
    public Set<Long> interactionIdsWithTag(String tag, Collection<Long> interactionIds) {
        return Set.of();
    }

    /** Every response source in the catalog, by name. */
    public List<String> sources() {
        return jdbc.queryForList("select distinct source from candidate order by source", String.class);
    }

    /**
     * Binds a list of ids as one array parameter, read with {@code unnest(?)} so that H2 and PostgreSQL look
     * each id up by index; with {@code in (?, ?, …)} or {@code = any(?)} H2 scans and compares every row.
     */
    private static PreparedStatementSetter ids(Collection<Long> ids) {
        return statement -> statement.setArray(1, statement.getConnection().createArrayOf("BIGINT", ids.toArray()));
    }

    private static Category category(String key) {
        return Category.fromKey(key).orElseThrow(() -> new IllegalStateException("Unknown category in the database: " + key));
    }
}
