package com.verdict.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health that reads a table, part of readiness: Spring's own database check only asks the driver whether the
 * connection is valid, and H2 says yes while its file is closed under it (an export's interrupted thread once closed
 * it, and every request failed while health said UP and the load balancer kept sending traffic).
 */
@Component
class DatabaseFileHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;

    DatabaseFileHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            jdbc.queryForList("select id from app_user fetch first 1 rows only", Long.class);
            return Health.up().build();
        } catch (DataAccessException e) {
            return Health.down(e).build();
        }
    }
}
