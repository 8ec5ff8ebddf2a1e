package com.verdict.base;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The audit log: admin actions, exports and token changes, by whom and when. Entries are never changed. */
@Component
public class AuditLog {

    static final int MAX_DETAILS = 4000;

    public record Entry(long id, Instant at, String actor, String action, String details) {
    }

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;

    AuditLog(JdbcTemplate jdbc, SequenceIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /**
     * Records an action of the signed-in user (or "system"), in the caller's transaction, so that it stands or falls
     * with the action; in one of its own after work that runs in several (a refit, an export's stream).
     */
    @Transactional
    public void record(String action, String details) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        String trimmed = details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
        jdbc.update("insert into audit_log (id, at, actor, action, details) values (?, ?, ?, ?, ?)",
                ids.next("audit_log_seq"), Timestamp.from(Instant.now()), actor, action, trimmed);
    }

    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.query("select * from audit_log order by at desc, id desc fetch first ? rows only",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("details")), limit);
    }
}
