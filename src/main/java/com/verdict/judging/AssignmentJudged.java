package com.verdict.judging;

import com.verdict.base.ApiException;
import org.springframework.http.HttpStatus;

/** A skip came for an assignment judged already (in another tab, or over the API): a 409, as its verdict stands. */
public class AssignmentJudged extends ApiException {

    AssignmentJudged(long assignmentId) {
        super(HttpStatus.CONFLICT, "Assignment " + assignmentId + " is judged already: its verdict stands and cannot "
                + "be skipped");
    }
}
