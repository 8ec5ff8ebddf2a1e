package com.verdict.export;

import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.people.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays judges through the real judging service: each judge is dealt pairs until none is left and acts on
 * each as the plan says for its interaction: {@code low} prefers the response imported first, {@code high}
 * the other, {@code tie}, {@code bad} (both bad) or {@code skip}. Unplanned interactions are skipped.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /** {@code plan} gives, per interaction id, one action per judge, in the order of {@code judges}. */
    public static void play(JudgingService judging, List<Person> judges, Map<String, List<String>> plan) {
        for (int j = 0; j < judges.size(); j++) {
            long judgeId = judges.get(j).id();
            while (true) {
                Optional<Deal> next = judging.next(judgeId, null);
                if (next.isEmpty()) {
                    break;
                }
                Deal deal = next.get();
                List<String> actions = plan.get(deal.interactionId());
                String action = actions == null || j >= actions.size() ? "skip" : actions.get(j);
                boolean lowOnLeft = deal.left().response() < deal.right().response();
                switch (action) {
                    case "low" -> judging.judge(judgeId, deal.assignmentId(), lowOnLeft ? Verdict.LEFT : Verdict.RIGHT, null);
                    case "high" -> judging.judge(judgeId, deal.assignmentId(), lowOnLeft ? Verdict.RIGHT : Verdict.LEFT, null);
                    case "tie" -> judging.judge(judgeId, deal.assignmentId(), Verdict.TIE, null);
                    case "bad" -> judging.judge(judgeId, deal.assignmentId(), Verdict.BOTH_BAD, null);
                    case "skip" -> judging.skip(judgeId, deal.assignmentId());
                    default -> throw new IllegalArgumentException("Unknown action " + action);
                }
            }
        }
    }
}
