package com.verdict.judging;

import com.verdict.base.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A judgment or skip named an assignment the judge does not have: a 404. Besides a wrong id, an engineer replacing
 * or deleting an interaction takes its open assignments with it, while the judge still has the pair on screen.
 */
public class AssignmentGone extends ApiException {

    AssignmentGone(long assignmentId) {
        super(HttpStatus.NOT_FOUND, "No assignment " + assignmentId + " of yours (an interaction replaced or deleted "
                + "takes its open assignments with it)");
    }
}
