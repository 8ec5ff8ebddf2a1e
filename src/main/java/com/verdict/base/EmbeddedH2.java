package com.verdict.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;

/** The embedded H2 database's store, for the work H2 leaves to its host: durable commits, housekeeping. */
public final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** The store behind an embedded H2 database kept in a file; empty for anything else (PostgreSQL, in memory). */
    public static Optional<MVStore> fileStoreOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fileStoreOf(connection);
        }
    }

    /** The store behind the connection's database, if it is an embedded H2 database kept in a file. */
    static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        MVStore mvStore = store == null ? null : store.getMvStore();
        FileStore<?> file = mvStore == null ? null : mvStore.getFileStore();
        return file == null || file.getFileName() == null ? Optional.empty() : Optional.of(mvStore);
    }
}
