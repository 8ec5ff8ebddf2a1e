package com.verdict.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out ids from the schema's sequences (each increments by {@value #BLOCK}) for JDBC inserts: the database
 * is asked once per {@value #BLOCK} ids, on H2 and PostgreSQL alike. The threads of an instance share its ranges;
 * each instance takes its own from the one sequence, so ids are unique but not gapless: a restart or a
 * rolled-back insert leaves ids unused.
 */
@Component
public class SequenceIds {

    public static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private final String nextValueSql;
    private final Map<String, Range> ranges = new ConcurrentHashMap<>();

    SequenceIds(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            this.nextValueSql = product.contains("postgres") ? "select nextval('%s')" : "select next value for %s";
        }
    }

    /** A fresh id from the sequence; thread-safe. */
    public long next(String sequence) {
        return ranges.computeIfAbsent(sequence, Range::new).next();
    }

    private final class Range {
        private final String sql;
        private long next;
        private long end;

        private Range(String sequence) {
            if (!sequence.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a sequence name: " + sequence);
            }
            this.sql = nextValueSql.formatted(sequence);
        }

        synchronized long next() {
            if (next == end) {
                next = jdbc.queryForObject(sql, Long.class);
                end = next + BLOCK;
            }
            return next++;
        }
    }
}
