package com.verdict.judging;

import com.verdict.base.ApiException;
import org.springframework.http.HttpStatus;

/** A judgment came after its assignment expired: a 409, while the expiry itself is kept. */
public class AssignmentExpired extends ApiException {

    AssignmentExpired(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
