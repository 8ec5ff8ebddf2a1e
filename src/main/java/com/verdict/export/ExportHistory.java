package com.verdict.export;

import com.verdict.base.AuditLog;
import com.verdict.base.SequenceIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of exports: one row per file written, for engineers, and an entry in the admins' audit log, appended
 * together in their own short transaction.
 */
@Repository
class ExportHistory {

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final AuditLog audit;

    ExportHistory(JdbcTemplate jdbc, SequenceIds ids, AuditLog audit) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.audit = audit;
    }

    @Transactional
    void record(ExportRequester requester, ExportFormat format, ExportFilter filter, long records, String sha256,
            Instant startedAt, Instant finishedAt) {
        boolean completed = sha256 != null;
        jdbc.update("""
                insert into export_history (id, user_id, username, via, token_name, format, filters, records, completed,
                    sha256, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ids.next("export_history_seq"), requester.userId(), requester.username(), requester.via(),
                requester.tokenName(), format.key(), filter.toQuery(), records, completed, sha256,
                Timestamp.from(startedAt), Timestamp.from(finishedAt));
        String query = filter.toQuery();
        audit.record("export", format.file() + (query.isEmpty() ? "" : "?" + query) + ": " + records + " records"
                + (completed ? "" : ", broken off") + (requester.tokenName() == null ? ""
                : " (token '" + requester.tokenName() + "')"));
    }

    /** When the last complete file of this format for this user began; empty if none did. */
    Optional<Instant> lastCompletedStart(String username, ExportFormat format) {
        Timestamp last = jdbc.queryForObject("select max(started_at) from export_history "
                + "where username = ? and format = ? and completed", Timestamp.class, username, format.key());
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    List<ExportHistoryEntry> recent(int limit) {
        return jdbc.query("""
                select id, username, via, token_name, format, filters, records, completed, sha256, started_at,
                    finished_at
                from export_history order by started_at desc, id desc fetch first ? rows only""",
                (rs, row) -> new ExportHistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ExportFormat.ofKey(rs.getString(5)).orElseThrow(), rs.getString(6), rs.getLong(7),
                        rs.getBoolean(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11).toInstant()),
                limit);
    }
}
