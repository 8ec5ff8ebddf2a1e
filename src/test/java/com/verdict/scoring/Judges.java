package com.verdict.scoring;

import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentResult;
import com.verdict.judging.Outcome;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plays judges through the real judging service, voting in candidate terms whatever side each pair shows. Other
 * features' tests use it with {@link Outcome}, whose order is {@link Outcomes}' numbering.
 */
public final class Judges {

    private final JudgingService judging;

    public Judges(JudgingService judging) {
        this.judging = judging;
    }

    /** The verdict that says {@code outcome} (candidate terms) about the dealt pair as it is shown. */
    static Verdict verdictFor(Deal deal, int outcome) {
        boolean aLeft = deal.left().response() < deal.right().response();
        return switch (outcome) {
            case Outcomes.A -> aLeft ? Verdict.LEFT : Verdict.RIGHT;
            case Outcomes.B -> aLeft ? Verdict.RIGHT : Verdict.LEFT;
            case Outcomes.TIE -> Verdict.TIE;
            default -> Verdict.BOTH_BAD;
        };
    }

    /** Deals the judge a pair and votes {@code outcome} on it; empty when nothing is left for them. */
    Optional<JudgmentResult> vote(Person judge, int outcome) {
        return judging.next(judge.id(), null)
                .map(deal -> judging.judge(judge.id(), deal.assignmentId(), verdictFor(deal, outcome), null));
    }

    public Optional<JudgmentResult> vote(Person judge, Outcome outcome) {
        return vote(judge, outcome.ordinal());
    }

    /** Deals the judge pair after pair until none is left for them, voting on each what {@code outcome} says. */
    public void voteAll(Person judge, Function<Deal, Outcome> outcome) {
        for (Optional<Deal> deal = deal(judge); deal.isPresent(); deal = deal(judge)) {
            judge(judge, deal.get(), verdictFor(deal.get(), outcome.apply(deal.get()).ordinal()));
        }
    }

    Optional<Deal> deal(Person judge) {
        return judging.next(judge.id(), null);
    }

    JudgmentResult judge(Person judge, Deal deal, Verdict verdict) {
        return judging.judge(judge.id(), deal.assignmentId(), verdict, null);
    }
}
