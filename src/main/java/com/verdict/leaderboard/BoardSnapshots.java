package com.verdict.leaderboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.verdict.base.VerdictProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Boards read whole, once per change, and served to every viewer from memory until the next change.
 * <p>
 * Under judging load, reading a board through its indexes cost about 9 ms of CPU (ranks count every judge above
 * the viewer, and the rows being folded into are rarely in H2's page cache), while the boards change only once a
 * fold interval. A board here is read once after each change this instance commits ({@link #changed}), and at
 * the latest once a fold interval, for the changes other instances commit. With a fold interval of 0 every read
 * goes to the database, since every judgment changes the boards.
 */
@Component
class BoardSnapshots {

    /** A judge's row on a board; {@code hidden} judges stay off public boards. */
    record Row(long judgeId, String team, long points, long judgments, boolean hidden) {
    }

    /** A board's rows, most points first (then by judge id), as of {@code version}. */
    private record Snapshot(long version, List<Row> rows) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicLong version = new AtomicLong();
    private final Cache<String, Snapshot> byKey;

    @Autowired
    BoardSnapshots(JdbcTemplate jdbc, VerdictProperties properties) {
        this(jdbc, properties.leaderboard().foldInterval(), Ticker.systemTicker());
    }

    BoardSnapshots(JdbcTemplate jdbc, Duration maxAge, Ticker ticker) {
        this.jdbc = jdbc;
        this.byKey = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(64).ticker(ticker).build();
    }

    /** The rows of the board {@code periodKey}, most points first. */
    List<Row> rows(String periodKey) {
        return cached(periodKey, () -> read("""
                select b.judge_id, b.team, b.points, b.judgments, coalesce(p.show_on_leaderboard, true) as shown
                from board_score b left join judge_preference p on p.judge_id = b.judge_id
                where b.period_key = ? order by b.points desc, b.judge_id""", periodKey));
    }

    /**
     * A frozen season's final standings as board rows, most points first: they no longer change, but who hides from
     * boards may, so they are cached as the boards are.
     */
    List<Row> frozenRows(long seasonId) {
        return cached("frozen:" + seasonId, () -> read("""
                select s.judge_id, s.team, s.points, s.judgments, coalesce(p.show_on_leaderboard, true) as shown
                from season_standing s left join judge_preference p on p.judge_id = s.judge_id
                where s.season_id = ? order by s.points desc, s.judge_id""", seasonId));
    }

    private List<Row> cached(String key, Supplier<List<Row>> read) {
        long current = version.get();
        Snapshot snapshot = byKey.getIfPresent(key);
        if (snapshot == null || snapshot.version() != current) {
            // Tagged with the version read before the rows: a change committed meanwhile makes the next read reread.
            snapshot = new Snapshot(current, read.get());
            byKey.put(key, snapshot);
        }
        return snapshot.rows();
    }

    /** Board rows or who hides from boards changed, and the change is committed ({@link BoardUpdates}). */
    void changed() {
        version.incrementAndGet();
    }

    /** A board's rows, unmodifiable: one list serves every viewer's request at once. */
    private List<Row> read(String sql, Object board) {
        return List.copyOf(jdbc.query(sql,
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), !rs.getBoolean(5)),
                board));
    }
}
