package com.verdict.base;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A failure that the REST API reports as {@code {"error", "details"}} with the given status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> details;

    public ApiException(HttpStatus status, String message, List<String> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    /** A failure of the server's own (a disk, a file): {@code cause} goes to the log, not to the client. */
    public static ApiException internal(String message, Throwable cause) {
        ApiException failure = new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, message);
        failure.initCause(cause);
        return failure;
    }

    public static ApiException badRequest(String message, List<String> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, details);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> details() {
        return details;
    }
}
