package com.verdict.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the migrations leave behind, beyond what the features' own tests use. */
@VerdictTest
class SchemaTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;

    @Test
    void noTableIndexesTheSameColumnsTwice() {
        assumeTrue(data.onH2(), "H2 gives a foreign key an index of its own unless one on its columns exists");
        Map<String, List<String>> columns = new HashMap<>();
        Map<String, String> tables = new HashMap<>();
        jdbc.query("select index_name, table_name, column_name from information_schema.index_columns "
                + "where table_schema = 'PUBLIC' order by index_name, ordinal_position", rs -> {
                    columns.computeIfAbsent(rs.getString(1), i -> new ArrayList<>()).add(rs.getString(3));
                    tables.put(rs.getString(1), rs.getString(2));
                });
        List<String> copies = new ArrayList<>();
        columns.forEach((index, indexColumns) -> columns.forEach((other, otherColumns) -> {
            if (index.compareTo(other) < 0 && tables.get(index).equals(tables.get(other))
                    && indexColumns.equals(otherColumns)) {
                copies.add(tables.get(index) + indexColumns + ": " + index + " and " + other);
            }
        }));

        assertThat(copies).isEmpty();
        assertThat(columns.keySet()).contains("VOTE_PAIR", "JUDGMENT_JUDGE", "POINTS_ENTRY_JUDGMENT");
    }

    @Test
    void foreignKeysDeclaredAgainStillHoldAndCascade() {
        // A vote must name a judgment and a pair that exist, as before migration 10.
        assertThatThrownBy(() -> jdbc.update("insert into vote (judgment_id, judge_id, pair_id, outcome, a_shown_left, "
                + "too_fast, time_on_task_ms, created_at) values (-1, -1, -1, 0, true, false, 0, current_timestamp)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.referential_constraints r
                join information_schema.table_constraints tc on tc.constraint_schema = r.constraint_schema
                    and tc.constraint_name = r.constraint_name
                where lower(tc.table_name) = 'vote' and r.delete_rule = 'CASCADE'""", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from information_schema.referential_constraints r
                join information_schema.table_constraints tc on tc.constraint_schema = r.constraint_schema
                    and tc.constraint_name = r.constraint_name
                where lower(tc.table_name) = 'points_entry' and r.delete_rule = 'SET NULL'""", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void theJudgingPathsRowsCarryNoForeignKeyToTheirJudgeNorTheLeftCandidate() {
        assertThat(jdbc.queryForList("""
                select lower(k.table_name) || '.' || lower(k.column_name) from information_schema.key_column_usage k
                join information_schema.table_constraints tc on tc.constraint_schema = k.constraint_schema
                    and tc.constraint_name = k.constraint_name
                where tc.constraint_type = 'FOREIGN KEY'
                    and lower(k.table_name) in ('assignment', 'judgment', 'vote', 'points_entry')""", String.class))
                .containsExactlyInAnyOrder("assignment.pair_id", "assignment.round_id", "judgment.assignment_id",
                        "judgment.pair_id", "vote.judgment_id", "vote.pair_id", "points_entry.judgment_id",
                        "points_entry.pair_id");
    }

    @Test
    void everyIndexKeyedByJudgeThatAJudgmentWritesServesARead() {
        assumeTrue(data.onH2(), "PostgreSQL names its own indexes");
        // Each costs a page per judge and commit on the judging path: a new one should be a decision.
        assertThat(jdbc.queryForList("""
                select lower(table_name) || ' ' || lower(index_name) from information_schema.index_columns
                where table_schema = 'PUBLIC' and column_name = 'JUDGE_ID' and ordinal_position = 1
                    and table_name in ('ASSIGNMENT', 'JUDGMENT', 'VOTE', 'POINTS_ENTRY')""",
                String.class)).containsExactlyInAnyOrder("assignment assignment_judge_interaction",
                "assignment assignment_judge_state", "judgment judgment_judge", "vote vote_judge_scored",
                "points_entry points_entry_judge");
    }
}
