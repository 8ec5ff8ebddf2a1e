package com.verdict.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2HousekeepingTests {

    private static final int COMMITS = 3_000;

    @TempDir
    Path directory;

    @Test
    void aFileThatEveryCommitAppendsToStaysSmallWhenItsSparseChunksAreCompacted() throws Exception {
        long appended = churn(directory.resolve("appended"), false);
        long compacted = churn(directory.resolve("compacted"), true);

        assertThat(compacted).as("file size with housekeeping, against %,d bytes without", appended)
                .isLessThan(appended / 5);
    }

    @Test
    void showsTheFileAndLeavesOtherDatabasesAlone() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcDataSource file = dataSource(directory.resolve("gauged"));
        try (Connection open = file.getConnection()) {
            new H2Housekeeping(file, meters);
            assertThat(meters.get("verdict.h2.file.size").gauge().value()).isPositive();
            assertThat(meters.get("verdict.h2.chunks.fill").gauge().value()).isBetween(0.0, 100.0);
        }

        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping");
        SimpleMeterRegistry none = new SimpleMeterRegistry();
        H2Housekeeping inMemory = new H2Housekeeping(memory, none);
        assertThat(inMemory.compact()).isFalse();
        assertThat(none.find("verdict.h2.file.size").gauge()).isNull();
    }

    /**
     * Commits the way judging does, each commit appending a row and moving a few scores, then returns the file's
     * size. Old chunks are reusable at once here ({@code RETENTION_TIME=0}); the app keeps H2's 45 s.
     */
    private static long churn(Path path, boolean housekeeping) throws Exception {
        JdbcDataSource dataSource = dataSource(path);
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table entry (id bigint primary key, judge int, amount int)");
            ddl.execute("create index entry_judge on entry (judge)");
            ddl.execute("create table score (judge int primary key, points bigint)");
            ddl.execute("insert into score select x, 0 from system_range(1, 2000)");
            H2Housekeeping compaction = new H2Housekeeping(dataSource, new SimpleMeterRegistry());
            connection.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(7);
            try (PreparedStatement entry = connection.prepareStatement("insert into entry values (?, ?, 1)");
                    PreparedStatement score = connection.prepareStatement(
                            "update score set points = points + 1 where judge = ?")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    for (int i = 0; i < 5; i++) {
                        int judge = random.nextInt(1, 2001);
                        entry.setLong(1, commit * 5L + i);
                        entry.setInt(2, judge);
                        entry.executeUpdate();
                        score.setInt(1, judge);
                        score.executeUpdate();
                    }
                    connection.commit();
                    if (housekeeping && commit % 20 == 0) {
                        compaction.compact();
                    }
                }
            }
            return Files.size(path.resolve("db.mv.db"));
        }
    }

    private static JdbcDataSource dataSource(Path path) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + path.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        dataSource.setUser("sa");
        return dataSource;
    }
}
