package com.verdict.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a REST call into {@link ApiError} JSON with the right status; no stack trace leaks. */
@RestControllerAdvice
class RestErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        if (e.status().is5xxServerError()) {
            log.error("{}", e.getMessage(), e);
        }
        return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.details()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<String> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(new ApiError("Invalid request body", details));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> violated(ConstraintViolationException e) {
        List<String> details = e.getConstraintViolations().stream()
                .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(new ApiError("Invalid request", details));
    }

    /** "create.user.username" names the field a client knows as "username". */
    private static String leaf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return ResponseEntity.badRequest().body(new ApiError("Invalid request body", List.of(
                    field(unknown.getPath()) + ": is not a field of this request (known: " + known + ")")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String problem = mapping instanceof MismatchedInputException mismatch
                    ? expected(mismatch.getTargetType()) : JsonProblems.plain(mapping.getOriginalMessage());
            return ResponseEntity.badRequest().body(new ApiError("Invalid request body",
                    List.of(field(mapping.getPath()) + ": " + problem)));
        }
        return ResponseEntity.badRequest().body(new ApiError("Malformed request body", List.of(malformed(e))));
    }

    /** What is wrong with a body that is not the JSON object asked for. */
    private static String malformed(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
            return "the body is empty: send a JSON object";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
            return "the body " + expected(mismatch.getTargetType());
        }
        if (cause instanceof JsonProcessingException json) {
            return JsonProblems.describe(json, true);
        }
        return JsonProblems.plain(e.getMostSpecificCause().getMessage());
    }

    /** The field as a client writes it: {@code roles[0]}, {@code responses[1].text}. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a value of this Java type looks like in JSON, without naming the class. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a time such as 2025-01-31T09:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError("Invalid request parameter",
                List.of(e.getParameterName() + ": is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("Invalid request parameter",
                List.of(e.getName() + ": " + expected(e.getRequiredType()))));
    }

    /** A multipart Content-Type with no boundary or a body that is not multipart: the servlet cannot read it. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        return ResponseEntity.badRequest().body(new ApiError("Malformed request body", List.of("Content-Type: the "
                + "body is not the multipart body the header announces; the API takes JSON (application/json), and "
                + "the import JSON Lines (application/x-ndjson)")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("Unsupported content type", List.of(e.getMessage())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        List<String> supported = e.getSupportedMethods() == null ? List.of()
                : List.of("supported: " + String.join(", ", e.getSupportedMethods()));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(new ApiError(e.getMessage(), supported));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("Not found: /" + e.getResourcePath()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("Access denied"));
    }

    /**
     * Two requests storing the same thing at the same moment (the same import twice, a user created twice): the
     * loser's transaction is rolled back whole, and the client learns why instead of reading "Internal error".
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> integrity(DataIntegrityViolationException e) {
        if (!Races.storedByAnother(e)) {
            return unexpected(e);
        }
        // Logged: a key violated by one request alone would be a bug wearing a race's clothes.
        log.warn("A REST call lost a race on a unique key: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("Another request stored the same thing "
                + "at the same moment", List.of("nothing of this request was stored: send it again to see where it "
                + "stands (an import then reports what is already there)")));
    }

    /** A row or table another transaction held for longer than the database waits: nothing was done; try again. */
    @ExceptionHandler({PessimisticLockingFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ApiError> busy(DataAccessException e) {
        log.warn("A REST call waited too long for a lock: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ApiError("The database is busy with another request on the same data",
                        List.of("nothing of this request was stored: try again in a moment")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error in a REST call", e);
        return ResponseEntity.internalServerError().body(new ApiError("Internal error"));
    }
}
