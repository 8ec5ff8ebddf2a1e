package com.verdict.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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
class ExportSnapshot {

    private final TransactionTemplate transactions;

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

    @FunctionalInterface
    interface Reading<T> {
        T run() throws IOException;
    }
}
