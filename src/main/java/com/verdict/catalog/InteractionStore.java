package com.verdict.catalog;

import com.verdict.base.SequenceIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Bulk reads and writes of interactions with plain JDBC batches: imports are too large for an ORM. */
@Repository
class InteractionStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SequenceIds ids;

    InteractionStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, SequenceIds ids) {
        this.jdbc = jdbc;
        this.named = named;
        this.ids = ids;
    }

    /** The stored content of those external ids that exist, by external id. */
    Map<String, ParsedInteraction> existing(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> idsByExternal = new HashMap<>();
        Map<Long, ParsedInteraction> byId = new LinkedHashMap<>();
        named.query("select id, external_id, instruction, context, category from interaction "
                + "where external_id in (:ids)", Map.of("ids", externalIds), rs -> {
                    long id = rs.getLong("id");
                    idsByExternal.put(rs.getString("external_id"), id);
                    byId.put(id, new ParsedInteraction(0, rs.getString("external_id"), rs.getString("instruction"),
                            rs.getString("context"), Category.fromKey(rs.getString("category")).orElseThrow(),
                            new ArrayList<>()));
                });
        if (byId.isEmpty()) {
            return Map.of();
        }
        named.query("select interaction_id, text, source from candidate where interaction_id in (:ids) "
                + "order by interaction_id, position", Map.of("ids", byId.keySet()),
                rs -> {
                    byId.get(rs.getLong("interaction_id")).responses()
                            .add(new ParsedInteraction.Response(rs.getString("text"), rs.getString("source")));
                });
        Map<String, ParsedInteraction> result = new HashMap<>();
        idsByExternal.forEach((external, id) -> result.put(external, byId.get(id)));
        return result;
    }

    /** Inserts the interactions with their candidates and pairs; returns the pairs created. */
    List<PairsAdded.NewPair> insert(List<ParsedInteraction> interactions) {
        SequenceIds.Block interactionIds = ids.block("interaction_seq");
        SequenceIds.Block candidateIds = ids.block("candidate_seq");
        SequenceIds.Block pairIds = ids.block("pair_seq");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> interactionRows = new ArrayList<>();
        List<Object[]> candidateRows = new ArrayList<>();
        List<Object[]> pairRows = new ArrayList<>();
        List<PairsAdded.NewPair> pairs = new ArrayList<>();
        for (ParsedInteraction interaction : interactions) {
            long interactionId = interactionIds.next();
            interactionRows.add(new Object[] {interactionId, interaction.externalId(), interaction.instruction(),
                    interaction.context(), interaction.category().key(), now});
            long[] candidates = new long[interaction.responses().size()];
            for (int position = 0; position < candidates.length; position++) {
                ParsedInteraction.Response response = interaction.responses().get(position);
                candidates[position] = candidateIds.next();
                candidateRows.add(new Object[] {candidates[position], interactionId, position, response.text(),
                        response.source()});
            }
            for (int a = 0; a < candidates.length; a++) {
                for (int b = a + 1; b < candidates.length; b++) {
                    long pairId = pairIds.next();
                    pairRows.add(new Object[] {pairId, interactionId, candidates[a], candidates[b]});
                    pairs.add(new PairsAdded.NewPair(pairId, interactionId));
                }
            }
        }
        jdbc.batchUpdate("insert into interaction (id, external_id, instruction, context, category, retired, "
                + "created_at) values (?, ?, ?, ?, ?, false, ?)", interactionRows);
        jdbc.batchUpdate("insert into candidate (id, interaction_id, position, text, source) values (?, ?, ?, ?, ?)",
                candidateRows);
        jdbc.batchUpdate("insert into pair (id, interaction_id, candidate_a, candidate_b) values (?, ?, ?, ?)",
                pairRows);
        return pairs;
    }
}
