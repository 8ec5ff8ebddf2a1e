package com.verdict.base;

import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Failures two requests cause each other rather than a fault of either: both roll back whole, and the one that lost
 * can simply be sent again. The REST API and the Import view tell their users so instead of "unexpected error".
 */
public final class Races {

    /** The SQL standard's state for a unique key violated, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Races() {
    }

    /** Another transaction stored the same key first (the same import twice, a user created twice). */
    public static boolean storedByAnother(Throwable failure) {
        return failure instanceof DataIntegrityViolationException integrity
                && integrity.getMostSpecificCause() instanceof SQLException sql
                && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** A row or table another transaction held for longer than the database waits. */
    public static boolean waitedTooLong(Throwable failure) {
        return failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException;
    }
}
