package com.verdict.base;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The app's data source: a commit that wrote something returns only once the embedded H2 database has written it
 * to its file, so a crash of the app never loses what it went on from. Nothing to do on PostgreSQL, whose commits
 * are durable when they return, or on an in-memory H2 database.
 * <p>
 * Why not H2's {@code WRITE_DELAY=0}, which also writes each commit at once: it writes the store in the committing
 * thread, while that thread holds whatever it must do next, and it waits there for the store's lock whenever
 * another writer, a fold of the boards or a compaction step holds it. {@link Durability#deferring} lets the judging
 * desk commit a batch, hand the wait to another thread and run the next batch meanwhile: its judges hear "saved"
 * only after that wait. Every other commit waits here, in the thread that made it.
 * <p>
 * Writes are what a statement runs with {@code execute}, {@code executeUpdate} or {@code executeBatch} (queries run
 * with {@code executeQuery} are reads). A connection in auto-commit mode waits after each write; otherwise it waits
 * at {@code commit()} (or when auto-commit is turned back on) if the transaction wrote.
 */
final class DurableDataSource extends DelegatingDataSource {

    private static final Set<String> WRITES =
            Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    /** Set while this thread's commits leave the wait to their caller ({@link Durability#deferring}). */
    private static final ThreadLocal<Boolean> DEFERRED = ThreadLocal.withInitial(() -> false);

    /** The embedded database's store once looked up; empty when there is none to wait for. */
    private volatile Optional<MVStore> store;

    DurableDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(super.getConnection(username, password));
    }

    /** Runs {@code work} with this thread's commits not waiting for the file: the caller must {@link #awaitStored}. */
    static <T> T deferring(Supplier<T> work) {
        boolean outer = DEFERRED.get();
        DEFERRED.set(true);
        try {
            return work.get();
        } finally {
            DEFERRED.set(outer);
        }
    }

    /** Returns once everything committed so far is in the database file. */
    void awaitStored() {
        awaitStored(store(null));
    }

    /** Whether commits wait for an embedded H2 database's file: not on PostgreSQL, not in memory. */
    boolean writesAFile() {
        return store(null) != null;
    }

    /** Writes to the file what has changed so far, committed or not (see {@link Durability#writeSoFar}). */
    void writeSoFar() {
        MVStore mvStore = store(null);
        if (mvStore != null) {
            mvStore.commit();
        }
    }

    private static void awaitStored(MVStore mvStore) {
        if (mvStore == null) {
            return;
        }
        mvStore.commit();
        // commit() finds nothing left to write when H2's background writer took the changes first; that writer may
        // still be writing them, and this waits for its writes to end.
        mvStore.executeFilestoreOperation(() -> { });
    }

    /**
     * The database's store while it is open, looked up once: through {@code connection} when there is one in hand, so
     * that a commit never waits for a second connection from a pool its own may have emptied.
     */
    private MVStore store(Connection connection) {
        Optional<MVStore> found = store;
        if (found == null) {
            try {
                found = connection != null ? EmbeddedH2.fileStoreOf(connection)
                        : EmbeddedH2.fileStoreOf(obtainTargetDataSource());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not look up the H2 database's store", e);
            }
            store = found;
        }
        return found.filter(open -> !open.isClosed()).orElse(null);
    }

    private Connection durable(Connection target) {
        return proxy(Connection.class, new DurableConnection(target)::invoke);
    }

    /** What a proxy does for the methods other than equals and hashCode, which keep to the proxy's identity. */
    private interface Calls {
        Object call(Object proxy, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Calls calls) {
        return type.cast(Proxy.newProxyInstance(DurableDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> calls.call(proxy, method, args);
                }));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A connection that tells whether it wrote since its last commit, and waits for the file after one that did. */
    private final class DurableConnection {

        private final Connection target;
        private boolean wrote;

        DurableConnection(Connection target) {
            this.target = target;
        }

        Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "toString":
                    return "durable " + target;
                case "createStatement":
                    return statement(proxy, Statement.class, call(target, method, args));
                case "prepareStatement":
                    return statement(proxy, PreparedStatement.class, call(target, method, args));
                case "prepareCall":
                    return statement(proxy, CallableStatement.class, call(target, method, args));
                case "commit":
                    call(target, method, args);
                    committed();
                    return null;
                case "rollback":
                    call(target, method, args);
                    // Rolled back to a savepoint, the writes before it stay.
                    wrote = wrote && args != null;
                    return null;
                case "setAutoCommit":
                    call(target, method, args);
                    // Turning auto-commit on commits the transaction.
                    if ((Boolean) args[0]) {
                        committed();
                    }
                    return null;
                default:
                    return call(target, method, args);
            }
        }

        void wrote() throws SQLException {
            wrote = true;
            if (target.getAutoCommit()) {
                committed();
            }
        }

        private void committed() {
            if (wrote) {
                wrote = false;
                if (!DEFERRED.get()) {
                    awaitStored(store(target));
                }
            }
        }

        private Object statement(Object connection, Class<? extends Statement> type, Object statement) {
            return proxy(type, (proxy, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    return connection;
                }
                Object result = call(statement, method, args);
                if (WRITES.contains(method.getName())) {
                    wrote();
                }
                return result;
            });
        }
    }
}
