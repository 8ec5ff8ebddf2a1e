package com.verdict.judging;

import com.verdict.base.ApiError;
import com.verdict.base.ApiException;
import com.verdict.catalog.Category;
import com.verdict.people.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Judging over REST, for chat bots and load tools. Blind like the Play view: no source before the verdict. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentApiController {

    private final JudgingDesk judging;
    private final CurrentUser currentUser;

    AssignmentApiController(JudgingDesk judging, CurrentUser currentUser) {
        this.judging = judging;
        this.currentUser = currentUser;
    }

    @PostMapping("/next")
    ResponseEntity<DealResponse> next() {
        return judging.next(currentUser.id(), null)
                .map(d -> ResponseEntity.ok(DealResponse.of(d)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** A 429 whose Retry-After tells a bot how long to wait: until the judge's day is over. */
    @ExceptionHandler(DailyCapReached.class)
    ResponseEntity<ApiError> capReached(DailyCapReached e) {
        long seconds = Math.max(1, Duration.between(Instant.now(), e.resetsAt()).toSeconds());
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(new ApiError(e.getMessage(), e.details()));
    }

    /** With {@code next=true} the answer also carries the pair dealt next: one trip per pair. */
    @PostMapping("/{id}/judgment")
    JudgmentResponse judge(@PathVariable long id, @RequestBody JudgmentRequest request,
            @RequestParam(defaultValue = "false") boolean next) {
        if (!next) {
            return JudgmentResponse.of(judging.judge(currentUser.id(), id, request.parsedVerdict(), request.reason()),
                    null);
        }
        JudgedThenDealt done = judging.judgeThenDeal(currentUser.id(), id, request.parsedVerdict(), request.reason());
        return JudgmentResponse.of(done.judgment(), done.next().map(DealResponse::of).orElse(null));
    }

    @PostMapping("/{id}/skip")
    ResponseEntity<Void> skip(@PathVariable long id) {
        judging.skip(currentUser.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** The verdict arrives as text so that an unknown one gets a clear 400 naming the allowed values. */
    record JudgmentRequest(String verdict, String reason) {

        Verdict parsedVerdict() {
            if (verdict == null) {
                throw ApiException.badRequest("Invalid judgment", List.of("verdict: is required"));
            }
            return Arrays.stream(Verdict.values()).filter(v -> v.name().equals(verdict)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("Invalid judgment", List.of("verdict: must be one of "
                            + Arrays.toString(Verdict.values()) + ", not '" + verdict + "'")));
        }
    }

    record DealResponse(long assignment, InteractionPart interaction, SidePart left, SidePart right) {

        static DealResponse of(Deal deal) {
            return new DealResponse(deal.assignmentId(),
                    new InteractionPart(deal.interactionId(), deal.instruction(), deal.context(), deal.category()),
                    new SidePart(deal.left().text()), new SidePart(deal.right().text()));
        }
    }

    record InteractionPart(String id, String instruction, String context, String category) {

        InteractionPart(String id, String instruction, String context, Category category) {
            this(id, instruction, context, category.key());
        }
    }

    /**
     * A side's text and nothing else: not even its place in the imported responses, which pipelines fill in a
     * fixed order of models (and a Dolly record's reference always comes last), so it would name the source.
     */
    record SidePart(String text) {
    }

    record Revealed(String left, String right) {
    }

    /** Only after a gold pair: whether the verdict matched the known answer, the expected side, and why. */
    record GoldPart(boolean matched, String expected, String why) {
    }

    /** {@code next} only when asked for and a pair could be dealt. */
    record JudgmentResponse(int points, long totalPoints, Revealed sources, boolean tooFast, GoldPart gold,
            DealResponse next) {

        static JudgmentResponse of(JudgmentResult result, DealResponse next) {
            return new JudgmentResponse(result.points(), result.totalPoints(),
                    new Revealed(result.leftSource(), result.rightSource()), result.tooFast(),
                    result.gold() == null ? null : new GoldPart(result.gold().matched(),
                            result.gold().expected().name(), result.gold().why()), next);
        }
    }
}
