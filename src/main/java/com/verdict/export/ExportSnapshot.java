package com.verdict.export;

import com.verdict.base.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs all the reads of one export in one read-only transaction that sees the database as it was when the
 * export began, so a judgment recorded meanwhile cannot tear the file. PostgreSQL gives that snapshot at
 * REPEATABLE READ. H2 does not: there a REPEATABLE READ transaction takes each table's snapshot when it first
 * reads that table, so only SERIALIZABLE (for a reader, without locks) snapshots the whole database.
 */
@Component
class ExportSnapshot implements DisposableBean {

    private final TransactionTemplate transactions;
    private final ExecutorService readers = Executors.newCachedThreadPool(DaemonThreads.named("export-reader"));

    ExportSnapshot(PlatformTransactionManager transactionManager, DataSource dataSource) throws SQLException {
        this.transactions = new TransactionTemplate(transactionManager);
        transactions.setReadOnly(true);
        transactions.setName("export snapshot");
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            transactions.setIsolationLevel(postgres ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                    : TransactionDefinition.ISOLATION_SERIALIZABLE);
        }
    }

    <T> T read(Reading<T> reading) throws IOException {
        try {
            return transactions.execute(status -> {
                try {
                    return reading.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs {@code reading} in a snapshot on a thread of its own, so that the caller can write while it reads.
     * Its own pool: the MVC async executor that streams responses must never wait on itself.
     */
    void readAside(Reading<?> reading, PagePipe pipe) {
        readers.execute(() -> {
            try {
                read(reading);
                pipe.finish();
            } catch (Throwable e) {
                pipe.fail(e);
            }
        });
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }

    @FunctionalInterface
    interface Reading<T> {
        T run() throws IOException;
    }
}
