package com.verdict.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Failures two requests cause each other are a client's to retry, named as such; anything else stays a 500. */
@ExtendWith(OutputCaptureExtension.class)
class RestErrorHandlerTests {

    private final RestErrorHandler handler = new RestErrorHandler();

    @Test
    void aUniqueKeyTakenByAnotherRequestIsAConflictAndOtherIntegrityFailuresAreNot() {
        var taken = handler.integrity(new DataIntegrityViolationException("insert",
                new SQLException("Unique index or primary key violation", "23505")));
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(taken.getBody().error()).isEqualTo("Another request stored the same thing at the same moment");

        var tooLong = handler.integrity(new DataIntegrityViolationException("insert",
                new SQLException("Value too long for column", "22001")));
        assertThat(tooLong.getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aLockWaitedForTooLongIsBusyWithARetryAfter() {
        var busy = handler.busy(new CannotAcquireLockException("Timeout trying to lock table"));
        assertThat(busy.getStatusCode().value()).isEqualTo(503);
        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aFailureOfTheServersOwnTellsTheClientWhatFailedAndTheLogWhy(CapturedOutput log) {
        var failed = handler.api(ApiException.internal("Cannot list ./data/backups",
                new IOException("Permission denied: ./data/backups")));

        assertThat(failed.getStatusCode().value()).isEqualTo(500);
        assertThat(failed.getBody().error()).isEqualTo("Cannot list ./data/backups");
        assertThat(failed.getBody().details()).isEmpty();
        assertThat(log.getOut()).contains("Cannot list ./data/backups").contains("Permission denied: ./data/backups");
    }
}
