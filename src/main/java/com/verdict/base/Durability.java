package com.verdict.base;

import java.sql.SQLException;
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

    /** Makes the app's data source a {@link DurableDataSource}. */
    @Component
    static class Wrapper implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource target && !(bean instanceof DurableDataSource)
                    ? new DurableDataSource(target) : bean;
        }
    }
}
