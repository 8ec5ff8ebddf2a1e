package com.verdict.scoring;

import com.verdict.catalog.CurrentDecisions;
import com.verdict.catalog.CurrentDecisions.SettledAs;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Shows the catalog the decision scoring holds for an interaction. */
@Component
class CatalogDecisions implements CurrentDecisions {

    private final JdbcTemplate jdbc;

    CatalogDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Decision> of(long interactionId) {
        return jdbc.query("select best_candidate, state, outcome, confidence, updated_at from interaction_decision "
                        + "where interaction_id = ?",
                (rs, i) -> new Decision(rs.getObject("best_candidate", Long.class),
                        "SETTLED".equals(rs.getString("state")) && rs.getString("outcome") != null
                                ? SettledAs.valueOf(rs.getString("outcome")) : null,
                        rs.getDouble("confidence"), rs.getTimestamp("updated_at").toInstant()), interactionId)
                .stream().findFirst();
    }
}
