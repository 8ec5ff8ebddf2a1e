package com.verdict.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalog's reads for browsing: one page at a time with SQL paging, each filter served by an index
 * (category, status, tag, source) except the text search.
 */
@Repository
class CatalogQueries {

    static final int PREVIEW_CHARS = 300;
    private static final String STATUS = "case when i.retired then 'RETIRED' else i.status end";
    /**
     * Judgments made on an interaction's pairs: scoring's {@code interaction_decision} counts them, as every
     * judgment updates that row anyway; an interaction nobody judged has none.
     */
    private static final String JUDGMENTS = "coalesce(d.judgments, 0)";
    private static final String WITH_JUDGMENTS = " left join interaction_decision d on d.interaction_id = i.id";

    private final NamedParameterJdbcTemplate named;

    CatalogQueries(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** A pair with its interaction and both candidates, in one query: every deal and judgment reads one. */
    Optional<PairContent> pair(long pairId) {
        return named.query("""
                select p.id, i.id, i.external_id, i.instruction, i.context, i.category, i.gold_best, i.gold_why,
                    a.id, a.position, a.text, a.source, b.id, b.position, b.text, b.source
                from pair p join interaction i on i.id = p.interaction_id
                    join candidate a on a.id = p.candidate_a join candidate b on b.id = p.candidate_b
                where p.id = :id""", Map.of("id", pairId), (rs, i) -> new PairContent(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), Category.ofStored(rs.getString(6)),
                new CandidateView(rs.getLong(9), rs.getInt(10), rs.getString(11), rs.getString(12)),
                new CandidateView(rs.getLong(13), rs.getInt(14), rs.getString(15), rs.getString(16)),
                (Integer) rs.getObject(7), rs.getString(8))).stream().findFirst();
    }

    List<InteractionRow> page(CatalogFilter filter, CatalogSort sort, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params, false);
        params.addValue("offset", offset).addValue("limit", limit);
        List<InteractionRow> rows = named.query("select i.id, i.external_id, substring(i.instruction, 1, "
                + PREVIEW_CHARS + ") as preview, i.category, " + STATUS + " as status, " + JUDGMENTS + " as judgments, "
                + "i.gold_best, i.created_at from interaction i" + WITH_JUDGMENTS + where + " order by " + orderBy(sort)
                + " offset :offset rows fetch next :limit rows only", params, (rs, n) -> row(rs));
        return rows.isEmpty() ? rows : withCandidatesAndTags(rows);
    }

    int count(CatalogFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return named.queryForObject("select count(*) from interaction i" + where(filter, params, true), params,
                Integer.class);
    }

    /**
     * The conditions of a filter. Source and tag are written for H2's plans: a page walks the interactions
     * newest first and probes each (exists), a count collects the matching ids once from the index (in).
     */
    private static String where(CatalogFilter filter, MapSqlParameterSource params, boolean forCount) {
        List<String> conditions = new ArrayList<>();
        if (filter.category() != null) {
            conditions.add("i.category = :category");
            params.addValue("category", filter.category().key());
        }
        if (filter.status() == InteractionStatus.RETIRED) {
            conditions.add("i.retired = true");
        } else if (filter.status() != null) {
            conditions.add("i.status = :status and i.retired = false");
            params.addValue("status", filter.status().name());
        }
        if (filter.source() != null && !filter.source().isBlank()) {
            conditions.add(forCount
                    ? "i.id in (select c.interaction_id from candidate c where c.source = :source)"
                    : "exists (select 1 from candidate c where c.interaction_id = i.id and c.source = :source)");
            params.addValue("source", filter.source());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            conditions.add(forCount
                    ? "i.id in (select t.interaction_id from interaction_tag t where t.tag = :tag)"
                    : "exists (select 1 from interaction_tag t where t.interaction_id = i.id and t.tag = :tag)");
            params.addValue("tag", filter.tag());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(lower(i.instruction) like :text escape '!' or lower(i.external_id) like :text escape '!')");
            params.addValue("text", "%" + likeEscaped(filter.text().strip().toLowerCase()) + "%");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String orderBy(CatalogSort sort) {
        String direction = sort.descending() ? " desc" : " asc";
        return switch (sort.column()) {
            case CREATED -> "i.id" + direction;
            case EXTERNAL_ID -> "i.external_id" + direction;
            case CATEGORY -> "i.category" + direction + ", i.id desc";
            case STATUS -> STATUS + direction + ", i.id desc";
            case JUDGMENTS -> JUDGMENTS + direction + ", i.id desc";
        };
    }

    private static InteractionRow row(ResultSet rs) throws SQLException {
        return new InteractionRow(rs.getLong("id"), rs.getString("external_id"), rs.getString("preview"),
                Category.ofStored(rs.getString("category")),
                InteractionStatus.valueOf(rs.getString("status")), 0, rs.getInt("judgments"),
                rs.getObject("gold_best") != null, List.of(), List.of(), rs.getTimestamp("created_at").toInstant());
    }

    private List<InteractionRow> withCandidatesAndTags(List<InteractionRow> rows) {
        List<Long> ids = rows.stream().map(InteractionRow::id).toList();
        Map<Long, Integer> candidates = new HashMap<>();
        Map<Long, TreeSet<String>> sources = new HashMap<>();
        named.query("select interaction_id, source, count(*) as n from candidate where interaction_id in (:ids) "
                + "group by interaction_id, source", Map.of("ids", ids), rs -> {
                    long id = rs.getLong("interaction_id");
                    candidates.merge(id, rs.getInt("n"), Integer::sum);
                    sources.computeIfAbsent(id, k -> new TreeSet<>()).add(rs.getString("source"));
                });
        Map<Long, List<String>> tags = tags(ids);
        return rows.stream().map(r -> new InteractionRow(r.id(), r.externalId(), r.instruction(), r.category(),
                r.status(), candidates.getOrDefault(r.id(), 0), r.judgments(), r.gold(),
                tags.getOrDefault(r.id(), List.of()), List.copyOf(sources.getOrDefault(r.id(), new TreeSet<>())),
                r.createdAt())).toList();
    }

    Map<Long, List<String>> tags(Collection<Long> interactionIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        named.query("select interaction_id, tag from interaction_tag where interaction_id in (:ids) "
                + "order by interaction_id, tag", Map.of("ids", interactionIds),
                rs -> {
                    tags.computeIfAbsent(rs.getLong("interaction_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        return tags;
    }

    /** The interaction's own fields, its tags and its candidates; pairs and judgments come apart. */
    Optional<InteractionDetail> detail(long interactionId) {
        List<InteractionDetail> found = named.query("select i.id, i.external_id, i.instruction, i.context, "
                + "i.category, " + STATUS + " as status, i.gold_best, i.gold_why, " + JUDGMENTS + " as judgments, "
                + "i.created_at from interaction i" + WITH_JUDGMENTS + " where i.id = :id", Map.of("id", interactionId),
                (rs, n) -> new InteractionDetail(
                        rs.getLong("id"), rs.getString("external_id"), rs.getString("instruction"),
                        rs.getString("context"), Category.ofStored(rs.getString("category")),
                        InteractionStatus.valueOf(rs.getString("status")), rs.getObject("gold_best", Integer.class),
                        rs.getString("gold_why"), List.of(), rs.getInt("judgments"),
                        rs.getTimestamp("created_at").toInstant(), List.of(), List.of(), null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InteractionDetail d = found.get(0);
        List<CandidateView> candidates = named.query("select id, position, text, source from candidate "
                + "where interaction_id = :id order by position", Map.of("id", interactionId),
                (rs, n) -> new CandidateView(rs.getLong("id"), rs.getInt("position"), rs.getString("text"),
                        rs.getString("source")));
        return Optional.of(new InteractionDetail(d.id(), d.externalId(), d.instruction(), d.context(), d.category(),
                d.status(), d.goldBest(), d.goldWhy(), tags(List.of(interactionId)).getOrDefault(interactionId,
                        List.of()), d.judgments(), d.createdAt(), candidates, List.of(), null));
    }

    /** The interaction's pairs as candidate ids a and b, by pair id. */
    Map<Long, long[]> pairs(long interactionId) {
        Map<Long, long[]> pairs = new TreeMap<>();
        named.query("select id, candidate_a, candidate_b from pair where interaction_id = :id order by id",
                Map.of("id", interactionId),
                rs -> {
                    pairs.put(rs.getLong("id"), new long[] {rs.getLong("candidate_a"), rs.getLong("candidate_b")});
                });
        return pairs;
    }

    List<CategoryCount> categoryCounts() {
        Map<Category, CategoryCount> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, new CategoryCount(category, 0, 0, 0));
        }
        // Decided as the Dolly dataset counts it (a best response; a tie or both bad gives it none), and retired
        // interactions left out of both counts, as the Team view's coverage does.
        named.query("select i.category, count(*) as interactions, "
                + "sum(case when i.status = 'SETTLED' and d.best_candidate is not null then 1 else 0 end) as decided, "
                + "sum(" + JUDGMENTS + ") as judgments from interaction i" + WITH_JUDGMENTS
                + " where i.retired = false group by i.category",
                Map.of(), rs -> {
                    Category category = Category.ofStored(rs.getString("category"));
                    counts.put(category, new CategoryCount(category, rs.getLong("interactions"),
                            rs.getLong("decided"), rs.getLong("judgments")));
                });
        return List.copyOf(counts.values());
    }

    List<String> sources() {
        return named.queryForList("select distinct source from candidate order by source", Map.of(), String.class);
    }

    List<String> tags() {
        return named.queryForList("select distinct tag from interaction_tag order by tag", Map.of(), String.class);
    }

    int retire(long interactionId) {
        return named.update("update interaction set retired = true where id = :id and retired = false",
                Map.of("id", interactionId));
    }

    boolean exists(long interactionId) {
        return !named.queryForList("select id from interaction where id = :id", Map.of("id", interactionId),
                Long.class).isEmpty();
    }

    int updateStatus(long interactionId, InteractionStatus status) {
        return named.update("update interaction set status = :status where id = :id",
                Map.of("status", status.name(), "id", interactionId));
    }
}
