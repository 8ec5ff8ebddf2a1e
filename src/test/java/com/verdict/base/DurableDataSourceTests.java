package com.verdict.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash of the app would leave: the database file as it is when a commit returns, copied and opened as a
 * database of its own. H2 is told to write in the background only once a minute ({@code WRITE_DELAY=60000}), so
 * whatever the copy holds was written because {@link DurableDataSource} waited for it.
 */
class DurableDataSourceTests {

    @TempDir
    Path directory;

    private JdbcDataSource h2;
    private DurableDataSource durable;
    private Connection keepsItOpen;
    private final ExecutorService others = Executors.newCachedThreadPool();
    private int copies;

    @BeforeEach
    void database() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("live/db") + ";WRITE_DELAY=60000;AUTO_COMPACT_FILL_RATE=0");
        h2.setUser("sa");
        durable = new DurableDataSource(h2);
        keepsItOpen = h2.getConnection();
        try (Connection connection = durable.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table judgment (id bigint primary key)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        others.shutdownNow();
        keepsItOpen.close();
    }

    @Test
    void aWriteInAutoCommitModeIsInTheFileWhenTheStatementReturns() throws Exception {
        try (Connection connection = durable.getConnection(); Statement insert = connection.createStatement()) {
            insert.executeUpdate("insert into judgment values (1)");
        }

        assertThat(judgmentsAfterACrash()).isEqualTo(1);
    }

    @Test
    void aTransactionIsInTheFileWhenItsCommitReturns() throws Exception {
        try (Connection connection = durable.getConnection()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("insert into judgment values (?)")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        assertThat(judgmentsAfterACrash()).isEqualTo(3);
    }

    @Test
    void withoutItTheSameCommitIsNotInTheFileYet() throws Exception {
        try (Connection connection = h2.getConnection(); Statement insert = connection.createStatement()) {
            insert.executeUpdate("insert into judgment values (1)");
        }

        assertThat(judgmentsAfterACrash()).isZero();
    }

    @Test
    void deferredCommitsReachTheFileWhenTheirCallerWaitsForThem() throws Exception {
        DurableDataSource.deferring(() -> {
            try (Connection connection = durable.getConnection(); Statement insert = connection.createStatement()) {
                insert.executeUpdate("insert into judgment values (1)");
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(judgmentsAfterACrash()).isZero();

        durable.awaitStored();

        assertThat(judgmentsAfterACrash()).isEqualTo(1);
    }

    @Test
    void readsAndRollbacksDoNotWaitForTheFileButWritesDo() throws Exception {
        MVStore store = EmbeddedH2.fileStoreOf(h2).orElseThrow();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        // Holds the store's lock, as a long compaction step or a large commit's write would.
        CompletableFuture<Void> busyFile = CompletableFuture.runAsync(() -> store.executeFilestoreOperation(() -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), others);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        Future<Long> read = others.submit(() -> inTransaction("select count(*) from judgment", false));
        Future<Long> rolledBack = others.submit(() -> inTransaction("insert into judgment values (1)", true));
        assertThat(read.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(rolledBack.get(5, TimeUnit.SECONDS)).isEqualTo(1);

        Future<Long> written = others.submit(() -> inTransaction("insert into judgment values (2)", false));
        Thread.sleep(300);
        assertThat(written).as("a commit that wrote, while the file is busy").isNotDone();

        release.countDown();
        assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        busyFile.get(5, TimeUnit.SECONDS);
        assertThat(judgmentsAfterACrash()).isEqualTo(1);
    }

    @Test
    void aCommitFindsTheFileThroughItsOwnConnectionWhenThePoolHasNoOtherToGive() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DurableDataSource onePooled = new DurableDataSource(pool);
            try (Connection connection = onePooled.getConnection(); Statement insert = connection.createStatement()) {
                insert.executeUpdate("insert into judgment values (1)");
            }
        }

        assertThat(judgmentsAfterACrash()).isEqualTo(1);
    }

    @Test
    void theAppsDataSourceCanBeUnwrappedToWhatItWraps() throws SQLException {
        assertThat(durable.unwrap(JdbcDataSource.class)).isSameAs(h2);
        try (Connection connection = durable.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
            assertThat(statement.getConnection()).isSameAs(connection);
        }
        assertThat(EmbeddedH2.fileStoreOf(durable)).isPresent();
    }

    /** Runs the statement in a transaction through the durable data source; returns its count of rows. */
    private long inTransaction(String sql, boolean rollBack) throws SQLException {
        try (Connection connection = durable.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long rows;
            if (sql.startsWith("select")) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    rows = result.getLong(1);
                }
            } else {
                rows = statement.executeUpdate(sql);
            }
            if (rollBack) {
                connection.rollback();
            } else {
                connection.commit();
            }
            return rows;
        }
    }

    /** The judgments in a copy of the database file as it is now, opened as a crash would leave it. */
    private long judgmentsAfterACrash() throws Exception {
        Path copy = directory.resolve("crash" + ++copies);
        Files.createDirectories(copy);
        Files.copy(directory.resolve("live/db.mv.db"), copy.resolve("db.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("db"), "sa", "");
                Statement query = connection.createStatement();
                ResultSet count = query.executeQuery("select count(*) from judgment")) {
            count.next();
            return count.getLong(1);
        }
    }
}
