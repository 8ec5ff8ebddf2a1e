package com.verdict.judging;

import com.verdict.catalog.HeldPairs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells the catalog which interactions a judge holds an open pair of (the assignment index leads with both). */
@Component
class CatalogHeldPairs implements HeldPairs {

    private final JdbcTemplate jdbc;

    CatalogHeldPairs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holdsPairOf(long judgeId, long interactionId) {
        return !jdbc.queryForList("select 1 from assignment where judge_id = ? and interaction_id = ? "
                + "and state = 'OPEN' fetch first 1 rows only", Integer.class, judgeId, interactionId).isEmpty();
    }
}
