package com.verdict.base;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out blocks of ids from the schema's sequences (each increments by {@value #BLOCK}) for bulk JDBC
 * inserts: one round trip per {@value #BLOCK} rows, on H2 and PostgreSQL alike.
 */
@Component
public class SequenceIds {

    public static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private final String nextValueSql;

    SequenceIds(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            this.nextValueSql = product.contains("postgres") ? "select nextval('%s')" : "select next value for %s";
        }
    }

    /** A source of fresh ids from one sequence; not thread-safe, use one per bulk operation. */
    public Block block(String sequence) {
        return new Block(sequence);
    }

    public final class Block {
        private final String sql;
        private long next;
        private long end;

        private Block(String sequence) {
            if (!sequence.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a sequence name: " + sequence);
            }
            this.sql = nextValueSql.formatted(sequence);
        }

        public long next() {
            if (next == end) {
                next = jdbc.queryForObject(sql, Long.class);
                end = next + BLOCK;
            }
            return next++;
        }
    }
}
