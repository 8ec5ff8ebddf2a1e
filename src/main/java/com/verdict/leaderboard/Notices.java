package com.verdict.leaderboard;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the in-app notices, newest first. */
@Component
class Notices {

    static final RowMapper<Notice> NOTICE = (rs, i) -> new Notice(rs.getLong("id"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("title"), rs.getString("body"));

    private final JdbcTemplate jdbc;

    Notices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Notice> latest(int limit) {
        return jdbc.query("select * from notice order by created_at desc, id desc fetch first ? rows only", NOTICE,
                limit);
    }
}
