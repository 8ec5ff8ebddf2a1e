package com.verdict.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2WritebackTests {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    @TempDir
    Path directory;

    @Test
    void forcesTheFileToDiskEachIntervalWhileCommitsGoOn() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcDataSource file = fileDatabase("forced");
        try (Connection connection = file.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table entry (id int primary key)");
            H2Writeback writeback = new H2Writeback(file, meters, INTERVAL);
            writeback.start();
            Timer forces = meters.get("verdict.h2.writeback").timer();
            for (int id = 0; id < 50; id++) {
                statement.executeUpdate("insert into entry values (" + id + ")");
                Thread.sleep(2);
            }

            await("five forces of the file").until(() -> forces.count() >= 5);
            writeback.stop();
            assertThat(writeback.running()).isFalse();
            long stoppedAt = forces.count();
            Thread.sleep(INTERVAL.toMillis() * 5);
            assertThat(forces.count()).as("forces after the stop").isEqualTo(stoppedAt);
        }
    }

    @Test
    void endsQuietlyWhenTheDatabaseClosesUnderIt() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcDataSource file = fileDatabase("closed");
        H2Writeback writeback;
        try (Connection connection = file.getConnection(); Statement statement = connection.createStatement()) {
            writeback = new H2Writeback(file, meters, INTERVAL);
            writeback.start();
            await("a first force of the file").until(() -> meters.get("verdict.h2.writeback").timer().count() >= 1);
            statement.execute("shutdown");
        }

        await("the thread ending with the database").until(() -> !writeback.running());
        writeback.stop();
    }

    @Test
    void leavesOtherDatabasesAlone() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:writeback");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        H2Writeback writeback = new H2Writeback(memory, meters, INTERVAL);
        writeback.start();

        assertThat(writeback.running()).isFalse();
        assertThat(meters.find("verdict.h2.writeback").timer()).isNull();
        writeback.stop();
    }

    private JdbcDataSource fileDatabase(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve(name).resolve("db"));
        dataSource.setUser("sa");
        return dataSource;
    }
}
