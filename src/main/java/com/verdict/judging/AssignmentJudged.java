package com.verdict.judging;

import com.verdict.base.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A skip, or a different verdict, came for an assignment judged already (in another tab, or over the API): a 409,
 * as its verdict stands. Thrown before anything is written, so a judging batch around it commits as it is.
 */
public class AssignmentJudged extends ApiException {

    private final Verdict standing;

    private AssignmentJudged(Verdict standing, String message) {
        super(HttpStatus.CONFLICT, message);
        this.standing = standing;
    }

    static AssignmentJudged skipped(long assignmentId) {
        return new AssignmentJudged(null, "Assignment " + assignmentId
                + " is judged already: its verdict stands and cannot be skipped");
    }

    static AssignmentJudged otherVerdict(long assignmentId, Verdict standing, Verdict refused) {
        return new AssignmentJudged(standing, "Assignment " + assignmentId + " is judged " + standing
                + " already: that verdict stands, and " + refused + " was not recorded");
    }

    /** The verdict recorded first, when this refused another one; null when it refused a skip. */
    public Verdict standing() {
        return standing;
    }
}
