package com.verdict.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.SqlArrays;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sample interactions, their candidate responses and the pairs to judge: the catalog feature's API. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    /**
     * Pairs kept in memory as judging shows them: about one per judge at play, for the moment between dealing a pair
     * and judging it, and the few judges it is dealt to in turn (about 4 KB each for Dolly-sized texts).
     */
    static final int PAIRS_KEPT = 4_096;

    private final JsonlImporter importer;
    private final CatalogQueries queries;
    private final InteractionStore store;
    private final JudgmentHistory history;
    private final ObjectProvider<CurrentDecisions> decisions;
    private final ObjectProvider<HeldPairs> heldPairs;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    // Housekeeping runs in the reading thread: handed to the common pool, it woke a thread every few reads, which
    // cost about 0.05 ms of CPU per judgment under load.
    private final Cache<Long, PairContent> pairs = Caffeine.newBuilder().maximumSize(PAIRS_KEPT)
            .executor(Runnable::run).build();

    CatalogService(JsonlImporter importer, CatalogQueries queries, InteractionStore store, JudgmentHistory history,
            ObjectProvider<CurrentDecisions> decisions, ObjectProvider<HeldPairs> heldPairs,
            ApplicationEventPublisher events, JdbcTemplate jdbc, AuditLog audit) {
        this.importer = importer;
        this.queries = queries;
        this.store = store;
        this.history = history;
        this.decisions = decisions;
        this.heldPairs = heldPairs;
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Imports JSONL refusing ids already stored with other content: see the overload. */
    @Transactional
    public ImportResult importJsonl(InputStream in, ImportMode mode) {
        return importJsonl(in, mode, OnConflict.REJECT);
    }

    /**
     * Imports JSONL, one interaction a line, streaming. All or nothing by default: any error rejects the
     * whole file ({@link ImportRejected}). An id stored before with the same content is skipped; with other
     * content it rejects the file ({@link ImportConflict}) unless {@code onConflict} is REPLACE and the
     * stored interaction has no judgments, which is then replaced by a new one (status open).
     */
    @Transactional
    public ImportResult importJsonl(InputStream in, ImportMode mode, OnConflict onConflict) {
        ImportResult result = importer.importJsonl(in, mode, onConflict);
        if (result.imported() + result.replaced() > 0) {
            audit.record("interactions.imported", "%d imported, %d replaced, %d skipped as stored already"
                    .formatted(result.imported(), result.replaced(), result.unchanged()));
        }
        return result;
    }

    /**
     * A pair as judging shows it. Judging reads each pair it deals once to deal it and once to judge it, so pairs are
     * kept: a pair's content never changes (an interaction imported again with other content is a new interaction
     * with new pairs), and ids are never reused.
     */
    public Optional<PairContent> pair(long pairId) {
        return Optional.ofNullable(pairs.get(pairId, id -> queries.pair(id).orElse(null)));
    }

    public long interactionCount() {
        return jdbc.queryForObject("select count(*) from interaction", Long.class);
    }

    /** One page of the catalog's list, filtered and sorted in SQL. */
    public List<InteractionRow> browse(CatalogFilter filter, CatalogSort sort, int offset, int limit) {
        return queries.page(filter, sort, offset, limit);
    }

    public int count(CatalogFilter filter) {
        return queries.count(filter);
    }

    /**
     * Whether this viewer holds a pair of the interaction in a round: then its sources, verdicts and decision are not
     * theirs to see until their own verdict is in (judging is blind for leads and engineers too).
     */
    public boolean blindFor(long viewerId, long interactionId) {
        HeldPairs held = heldPairs.getIfAvailable();
        return held != null && held.holdsPairOf(viewerId, interactionId);
    }

    /** The interaction with its candidates (sources included), pairs, judgments and current decision. */
    public Optional<InteractionDetail> detail(long interactionId) {
        return queries.detail(interactionId).map(d -> {
            Map<Long, CandidateView> byId = d.candidates().stream()
                    .collect(Collectors.toMap(CandidateView::id, c -> c));
            Map<Long, long[]> pairCandidates = queries.pairs(interactionId);
            Map<Long, List<JudgmentHistory.PairJudgment>> judgments = pairCandidates.isEmpty() ? Map.of()
                    : history.judgmentsOf(pairCandidates.keySet()).stream()
                            .collect(Collectors.groupingBy(JudgmentHistory.PairJudgment::pairId));
            List<InteractionDetail.PairDetail> pairDetails = pairCandidates.entrySet().stream()
                    .map(e -> {
                        CandidateView a = byId.get(e.getValue()[0]);
                        CandidateView b = byId.get(e.getValue()[1]);
                        boolean gold = d.goldBest() != null
                                && (d.goldBest() == a.position() || d.goldBest() == b.position());
                        return new InteractionDetail.PairDetail(e.getKey(), a, b, gold,
                                judgments.getOrDefault(e.getKey(), List.of()));
                    })
                    .toList();
            CurrentDecisions.Decision decision = Optional.ofNullable(decisions.getIfAvailable())
                    .flatMap(source -> source.of(interactionId)).orElse(null);
            return new InteractionDetail(d.id(), d.externalId(), d.instruction(), d.context(), d.category(),
                    d.status(), d.goldBest(), d.goldWhy(), d.tags(), d.judgments(), d.createdAt(), d.candidates(),
                    pairDetails, decision);
        });
    }

    /** Interactions, decided ones (with a best response, as the dataset takes them) and judgments per category, every category listed; retired ones left out. */
    public List<CategoryCount> categoryCounts() {
        return queries.categoryCounts();
    }

    /** Every candidate source, for filtering. */
    public List<String> sources() {
        return queries.sources();
    }

    /** Every tag, for filtering. */
    public List<String> tags() {
        return queries.tags();
    }

    /**
     * Sets the interaction's decision state; scoring calls it when a decision changes. A retired interaction
     * keeps the state too, and still shows as retired.
     */
    @Transactional
    public void updateStatus(long interactionId, InteractionStatus status) {
        if (status == null || status == InteractionStatus.RETIRED) {
            throw new IllegalArgumentException("Status must be OPEN, SETTLED or CONTESTED; retire() retires");
        }
        if (queries.updateStatus(interactionId, status) == 0) {
            throw ApiException.notFound("No interaction " + interactionId);
        }
    }

    /**
     * Stops dealing the interaction's pairs; it stays with its judgments, decision and history. Retiring a
     * retired interaction changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('ENGINEER')")
    public void retire(long interactionId) {
        if (queries.retire(interactionId) == 1) {
            audit.record("interaction.retired", named(interactionId));
            events.publishEvent(new InteractionRetired(interactionId,
                    List.copyOf(queries.pairs(interactionId).keySet())));
        } else if (!queries.exists(interactionId)) {
            throw ApiException.notFound("No interaction " + interactionId);
        }
    }

    /** Deletes an interaction nobody has judged yet; a judged one can only be retired (409). */
    @Transactional
    @PreAuthorize("hasRole('ENGINEER')")
    public void delete(long interactionId) {
        if (!queries.exists(interactionId)) {
            throw ApiException.notFound("No interaction " + interactionId);
        }
        if (!store.judged(Set.of(interactionId), history).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT,
                    "Interaction " + interactionId + " has judgments and cannot be deleted; retire it instead");
        }
        audit.record("interaction.deleted", named(interactionId));
        store.delete(Set.of(interactionId));
    }

    /** "demo-007 (id 7)": the id an engineer imported it under, and the one the API takes. */
    private String named(long interactionId) {
        return jdbc.queryForObject("select external_id from interaction where id = ?", String.class, interactionId)
                + " (id " + interactionId + ")";
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
                    join interaction i on i.id = c.interaction_id""", SqlArrays.ids(candidateIds),
                (rs, row) -> new CandidateText(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Category.ofStored(rs.getString(6)), rs.getInt(7), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10)));
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
                    join candidate a on a.id = p.candidate_a join candidate b on b.id = p.candidate_b""",
                SqlArrays.ids(pairIds),
                (rs, row) -> new PairOutline(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Category.ofStored(rs.getString(4)), rs.getBoolean(5),
                        new PairOutline.Side(rs.getLong(6), rs.getInt(7), rs.getString(8)),
                        new PairOutline.Side(rs.getLong(9), rs.getInt(10), rs.getString(11))));
    }

    /** Those of these interactions that carry {@code tag}. */
    public Set<Long> interactionIdsWithTag(String tag, Collection<Long> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("""
                select t.interaction_id from unnest(?) as wanted(id)
                    join interaction_tag t on t.interaction_id = wanted.id and t.tag = ?""",
                statement -> {
                    SqlArrays.bindIds(statement, 1, interactionIds);
                    statement.setString(2, tag);
                }, (rs, row) -> rs.getLong(1)));
    }

}
