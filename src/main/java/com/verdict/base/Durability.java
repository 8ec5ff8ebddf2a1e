package com.verdict.base;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Commits that survive a crash of the app: every commit that wrote is in the database file by the time it returns
 * ({@link DurableDataSource} sees to it), except inside {@link #deferring}, whose caller waits with
 * {@link #awaitStored} before telling anyone of what it committed.
 */
@Component
public class Durability {

    private final DurableDataSource dataSource;

    public Durability(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource.unwrap(DurableDataSource.class);
        // Looked up now, while the pool has connections to spare: writeSoFar runs inside transactions.
        this.dataSource.writeSoFar();
    }

    /**
     * Runs {@code work}, whose commits return before their writes are in the file. Until {@link #awaitStored} returns,
     * a crash may undo them: nobody may hear of them before.
     */
    public <T> T deferring(Supplier<T> work) {
        return DurableDataSource.deferring(work);
    }

    /**
     * Whether there is a database file for {@link #awaitStored} to wait for: an embedded H2 database's. On PostgreSQL
     * every commit is durable when it returns, and an in-memory database has no file.
     */
    public boolean writesAFile() {
        return dataSource.writesAFile();
    }

    /** Returns once everything committed so far, by any thread, is in the database file. */
    public void awaitStored() {
        dataSource.awaitStored();
    }

    /**
     * Writes to the file what has changed so far, the caller's transaction included, so that its commit has less
     * left to write. One write of the file runs at a time, and the judging desk's answers wait for whichever is
     * running: a large transaction that writes in steps keeps each of those waits short. Nothing on PostgreSQL.
     */
    public void writeSoFar() {
        dataSource.writeSoFar();
    }

    /**
     * Makes the app's data source a {@link DurableDataSource}, and has an embedded H2 file database closed by the app.
     */
    @Component
    static class Wrapper implements BeanPostProcessor {

        /**
         * H2 closes a file database from a JVM shutdown hook of its own unless told not to ({@code DB_CLOSE_ON_EXIT}),
         * and that hook ran beside the app's shutdown: the database closed under the boards' last fold (its scores
         * waited for the next start) while the judging desk and the housekeeping's compaction could still write.
         * Told not to, H2 closes when the app closes its connection pool, after everything that writes has stopped.
         * (H2 refuses it with {@code AUTO_SERVER=TRUE}, where other processes share the file, so that is left alone.)
         */
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            String url = bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                    ? pool.getJdbcUrl().toUpperCase(Locale.ROOT) : "";
            if (url.startsWith("JDBC:H2:FILE:") && !url.contains("DB_CLOSE_ON_EXIT")
                    && !url.contains("AUTO_SERVER=TRUE")) {
                HikariDataSource pool = (HikariDataSource) bean;
                pool.setJdbcUrl(pool.getJdbcUrl() + ";DB_CLOSE_ON_EXIT=FALSE");
            }
            return bean;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource target && !(bean instanceof DurableDataSource)
                    ? new DurableDataSource(target) : bean;
        }
    }
}
