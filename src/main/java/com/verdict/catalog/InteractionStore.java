package com.verdict.catalog;

import com.verdict.base.SequenceIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** An interaction as stored: its database id and its content. */
    record Stored(long id, ParsedInteraction content) {
    }

    /** The stored content of those external ids that exist, by external id. */
    Map<String, Stored> existing(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> externalById = new HashMap<>();
        Map<Long, Object[]> rows = new HashMap<>();
        named.query("select id, external_id, instruction, context, category, gold_best, gold_why from interaction "
                + "where external_id in (:ids)", Map.of("ids", externalIds), rs -> {
                    long id = rs.getLong("id");
                    externalById.put(id, rs.getString("external_id"));
                    rows.put(id, new Object[] {rs.getString("instruction"), rs.getString("context"),
                            Category.ofStored(rs.getString("category")),
                            (Integer) rs.getObject("gold_best", Integer.class), rs.getString("gold_why")});
                });
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ParsedInteraction.Response>> responses = new HashMap<>();
        named.query("select interaction_id, text, source from candidate where interaction_id in (:ids) "
                + "order by interaction_id, position", Map.of("ids", rows.keySet()),
                rs -> {
                    responses.computeIfAbsent(rs.getLong("interaction_id"), k -> new ArrayList<>())
                            .add(new ParsedInteraction.Response(rs.getString("text"), rs.getString("source")));
                });
        Map<Long, List<String>> tags = new HashMap<>();
        named.query("select interaction_id, tag from interaction_tag where interaction_id in (:ids) "
                + "order by interaction_id, tag", Map.of("ids", rows.keySet()),
                rs -> {
                    tags.computeIfAbsent(rs.getLong("interaction_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        Map<String, Stored> result = new HashMap<>();
        rows.forEach((id, row) -> {
            String external = externalById.get(id);
            result.put(external, new Stored(id, new ParsedInteraction(0, external, (String) row[0], (String) row[1],
                    (Category) row[2], responses.getOrDefault(id, List.of()), (Integer) row[3], (String) row[4],
                    tags.getOrDefault(id, List.of()))));
        });
        return result;
    }

    /** Inserts the interactions with their candidates, tags and pairs; returns the pairs created. */
    List<PairsAdded.NewPair> insert(List<ParsedInteraction> interactions) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> interactionRows = new ArrayList<>(interactions.size());
        List<Object[]> candidateRows = new ArrayList<>();
        List<Object[]> tagRows = new ArrayList<>();
        List<Object[]> pairRows = new ArrayList<>();
        List<PairsAdded.NewPair> pairs = new ArrayList<>();
        for (ParsedInteraction interaction : interactions) {
            long interactionId = ids.next("interaction_seq");
            interactionRows.add(new Object[] {interactionId, interaction.externalId(), interaction.instruction(),
                    interaction.context(), interaction.category().key(), interaction.goldBest(),
                    interaction.goldWhy(), now});
            for (String tag : interaction.tags()) {
                tagRows.add(new Object[] {interactionId, tag});
            }
            long[] candidates = new long[interaction.responses().size()];
            for (int position = 0; position < candidates.length; position++) {
                ParsedInteraction.Response response = interaction.responses().get(position);
                candidates[position] = ids.next("candidate_seq");
                candidateRows.add(new Object[] {candidates[position], interactionId, position, response.text(),
                        response.source()});
            }
            for (int a = 0; a < candidates.length; a++) {
                for (int b = a + 1; b < candidates.length; b++) {
                    long pairId = ids.next("pair_seq");
                    pairRows.add(new Object[] {pairId, interactionId, candidates[a], candidates[b]});
                    pairs.add(new PairsAdded.NewPair(pairId, interactionId, interaction.goldPair(a, b)));
                }
            }
        }
        jdbc.batchUpdate("insert into interaction (id, external_id, instruction, context, category, gold_best, "
                + "gold_why, retired, status, created_at) values (?, ?, ?, ?, ?, ?, ?, false, 'OPEN', ?)",
                interactionRows);
        jdbc.batchUpdate("insert into candidate (id, interaction_id, position, text, source) values (?, ?, ?, ?, ?)",
                candidateRows);
        jdbc.batchUpdate("insert into pair (id, interaction_id, candidate_a, candidate_b) values (?, ?, ?, ?)",
                pairRows);
        if (!tagRows.isEmpty()) {
            jdbc.batchUpdate("insert into interaction_tag (interaction_id, tag) values (?, ?)", tagRows);
        }
        return pairs;
    }

    /** Those interactions that have at least one judgment, asking {@code history} about their pairs. */
    Set<Long> judged(Collection<Long> interactionIds, JudgmentHistory history) {
        if (interactionIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, Long> interactionOfPair = new HashMap<>();
        named.query("select id, interaction_id from pair where interaction_id in (:ids)", Map.of("ids", interactionIds),
                rs -> {
                    interactionOfPair.put(rs.getLong("id"), rs.getLong("interaction_id"));
                });
        if (interactionOfPair.isEmpty()) {
            return Set.of();
        }
        return history.judgedPairs(interactionOfPair.keySet()).stream().map(interactionOfPair::get)
                .collect(Collectors.toSet());
    }

    /** Deletes interactions with everything that hangs off them (candidates, pairs, pool rows, tags). */
    void delete(Collection<Long> interactionIds) {
        if (!interactionIds.isEmpty()) {
            named.update("delete from interaction where id in (:ids)", Map.of("ids", interactionIds));
        }
    }
}
