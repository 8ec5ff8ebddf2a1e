package com.verdict.judging.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.verdict.base.Words;
import com.verdict.base.ui.FlagNotice;
import com.verdict.base.ui.SafeMarkdown;
import com.verdict.base.ui.Stat;
import com.verdict.judging.AssignmentExpired;
import com.verdict.judging.AssignmentGone;
import com.verdict.judging.AssignmentJudged;
import com.verdict.judging.DailyCapReached;
import com.verdict.judging.Deal;
import com.verdict.judging.GoldAccuracy;
import com.verdict.judging.GoldFeedback;
import com.verdict.judging.JudgeFlags;
import com.verdict.judging.JudgingDesk;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentResult;
import com.verdict.judging.PlayerProgress;
import com.verdict.judging.RoundProgress;
import com.verdict.judging.RoundSummary;
import com.verdict.judging.Scorekeeper;
import com.verdict.judging.Verdict;
import com.verdict.people.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The game: a round deals pairs one after another; the judge picks the better response from the keyboard
 * or with the buttons. Blind: sources show only after the verdict is in.
 */
@Route("")
@RouteAlias("play")
@PageTitle("Play · Verdict")
@Menu(order = 0, icon = "vaadin:gamepad", title = "Play")
@RolesAllowed("JUDGE")
public class PlayView extends Div {

    /** Context longer than this starts collapsed. */
    static final int LONG_CONTEXT_CHARS = 600;
    static final String NOTHING_LEFT = "Every pair you may judge has been dealt to you already: one pair of each "
            + "instruction, so that no answer comes back to you with its source known. Thank you! New pairs arrive "
            + "when engineers import more interactions.";
    static final String WITHDRAWN = "That pair was withdrawn while you read it (its interaction changed) — here is "
            + "another one.";

    /** Elements whose own action Enter triggers. */
    private static final String ACTIVATED_BY_ENTER = "['a', 'button', 'vaadin-button', 'vaadin-side-nav-item', "
            + "'vaadin-tab', 'vaadin-drawer-toggle', 'vaadin-menu-bar-button', 'vaadin-details-summary']";

    private final JudgingService judging;
    private final JudgingDesk desk;
    private final PlayerProgress progress;
    private final JudgeFlags flags;
    private final long judgeId;

    private final Div stage = new Div();
    private final Div feedback = new Div();
    private final TextField reason = new TextField();
    private RoundProgress round;
    private long rankBeforeRound;
    private Deal deal;
    /** Whether the welcome card offered a round: Enter starts one only then. */
    private boolean roundOffered;
    /** The round the judge left with a pair on screen, offered to resume; null when there is none. */
    private RoundProgress unfinished;
    private DomListenerRegistration keys;

    public PlayView(JudgingService judging, JudgingDesk desk, PlayerProgress progress, JudgeFlags flags,
            CurrentUser currentUser) {
        this.judging = judging;
        this.desk = desk;
        this.progress = progress;
        this.flags = flags;
        this.judgeId = currentUser.id();
        addClassNames("verdict-page", "verdict-play");
        stage.addClassName("verdict-stage");
        feedback.addClassName("verdict-feedback");
        // Read out after each verdict: the stage is rebuilt and the focus falls back to the page.
        feedback.getElement().setAttribute("role", "status");
        feedback.getElement().setAttribute("aria-live", "polite");
        reason.setPlaceholder("Why? (optional, one line)");
        reason.setMaxLength(500);
        reason.setClearButtonVisible(true);
        reason.addClassName("verdict-reason");
        reason.setAriaLabel("Reason for your verdict (optional)");
        // Keys typed here are text; Escape hands them back to the verdicts.
        reason.setHelperText("Esc: back to the verdict keys");
        reason.addAttachListener(e -> reason.getElement().executeJs("this.addEventListener('keydown', e => {"
                + " if (e.key === 'Escape') { (this.inputElement || this).blur(); } })"));
        add(stage);
        showWelcome();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // A keydown listener on the page, not a shortcut: single-key shortcuts must not fire while typing a reason.
        // Enter on a link or a button (the menu, Log out, Start a round) is that element's own: it must not also
        // start a round behind it.
        keys = event.getUI().getElement().addEventListener("keydown", e -> onKey(e.getEventData().getString("event.key")))
                .addEventData("event.key")
                .setFilter("!event.repeat && !event.ctrlKey && !event.metaKey && !event.altKey"
                        + " && !['input', 'textarea', 'select'].includes(event.composedPath()[0].localName)"
                        + " && !(event.key === 'Enter' && event.composedPath().some(node => " + ACTIVATED_BY_ENTER
                        + ".includes(node.localName)"
                        + " || (node.getAttribute && node.getAttribute('role') === 'button')))");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (keys != null) {
            keys.remove();
        }
    }

    /** What a key press does depends on what is on screen: verdicts while judging, Enter elsewhere. */
    void onKey(String key) {
        if (deal == null) {
            if ("Enter".equals(key) && roundOffered) {
                begin();
            }
            return;
        }
        switch (key) {
            case "1", "ArrowLeft" -> submit(Verdict.LEFT);
            case "2", "ArrowRight" -> submit(Verdict.RIGHT);
            case "t", "T" -> submit(Verdict.TIE);
            case "b", "B" -> submit(Verdict.BOTH_BAD);
            case "s", "S" -> skip();
            default -> { }
        }
    }

    private void showWelcome() {
        deal = null;
        // A judge who has seen every instruction is told so here, not after starting a round that deals nothing.
        roundOffered = judging.hasPairFor(judgeId);
        unfinished = judging.unfinishedRound(judgeId).orElse(null);
        Scorekeeper.Standing standing = judging.standing(judgeId);
        Div card = new Div();
        card.addClassNames("verdict-card", "verdict-welcome");
        H1 title = new H1(unfinished != null ? "Welcome back" : roundOffered ? "Ready for a round?"
                : "Nothing to judge right now");
        Paragraph intro = new Paragraph(unfinished != null ? "Your round is under way: " + unfinished.done() + " of "
                + Words.count(unfinished.size(), "pair") + " done. Pick up where you left off."
                : roundOffered ? "A round deals up to " + roundSize() + " instructions, each "
                + "with two answers. Pick the better answer — you earn a point for every judgment, and more as the "
                + "dataset takes shape." : NOTHING_LEFT);
        GoldAccuracy gold = judging.goldAccuracy(judgeId);
        Div stats = new Div(new Stat(String.valueOf(standing.points()), "points"),
                new Stat(String.valueOf(standing.judgments()), "judgments"),
                new Stat(place(standing) == 0 ? "—" : "#" + place(standing), "rank, all time"),
                new Stat(gold.rate() == null ? "—" : Math.round(gold.rate() * 100) + "%",
                        gold.answered() == 0 ? "gold pairs right" : "of " + Words.count(gold.answered(), "gold pair")
                                + " right"));
        stats.addClassName("verdict-stats");
        PlayerProgress.Progress mine = progress.of(judgeId);
        Button start = new Button(unfinished != null ? "Resume the round" : "Start a round", VaadinIcon.PLAY.create(),
                e -> begin());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.addClassName("verdict-start");
        card.add(title, intro, stats, progression(mine));
        if (roundOffered) {
            card.add(start, keyLegend(unfinished != null ? "resume" : "start"));
        } else {
            card.add(leaderboardButton());
        }
        stage.removeAll();
        showFlag();
        stage.add(card);
    }

    private int roundSize() {
        return round == null ? judging.roundSize() : round.size();
    }

    /** The welcome card's action: the round left unfinished if there is one, else a new one. */
    private void begin() {
        if (unfinished == null) {
            startRound();
            return;
        }
        rankBeforeRound = place(judging.standing(judgeId));
        feedback.removeAll();
        round = unfinished;
        unfinished = null;
        showNext();
    }

    void startRound() {
        rankBeforeRound = place(judging.standing(judgeId));
        feedback.removeAll();
        try {
            round = judging.startRound(judgeId);
        } catch (DailyCapReached e) {
            showCapReached(e);
            return;
        }
        showNext();
    }

    private void showNext() {
        Optional<Deal> next;
        try {
            next = desk.next(judgeId, round.roundId());
        } catch (DailyCapReached e) {
            showCapReached(e);
            return;
        }
        if (next.isEmpty()) {
            showSummary();
            return;
        }
        deal = next.get();
        round = deal.progress();
        reason.clear();
        stage.removeAll();
        Component pair = pair(deal);
        stage.add(progress(), feedback, pair, verdictBar());
        // A new pair starts from its top, and a screen reader from its instruction: after a verdict on a long pair the
        // page stayed scrolled down to the buttons, and the focus fell back to the page.
        pair.getElement().executeJs("window.scrollTo(0, 0); this.focus({preventScroll: true})");
    }

    void submit(Verdict verdict) {
        if (deal == null) {
            return;
        }
        try {
            showFeedback(desk.judge(judgeId, deal.assignmentId(), verdict, reason.getValue()));
        } catch (AssignmentExpired e) {
            showPairLost("That pair waited too long and went back to the pool — here is a fresh one.");
        } catch (AssignmentGone e) {
            showPairLost(WITHDRAWN);
        } catch (AssignmentJudged e) {
            showPairLost("You had judged that pair already (in another tab?) as “" + label(e.standing())
                    + "”, and that verdict stands — here is the next one.");
        }
        showNext();
    }

    /** A verdict as its button says it. */
    private static String label(Verdict verdict) {
        return switch (verdict) {
            case LEFT -> "Left is better";
            case RIGHT -> "Right is better";
            case TIE -> "Tie";
            case BOTH_BAD -> "Both bad";
        };
    }

    void skip() {
        if (deal == null) {
            return;
        }
        try {
            desk.skip(judgeId, deal.assignmentId());
            feedback.removeAll();
            feedback.add(new Span("Skipped — no points, no harm."));
        } catch (AssignmentGone e) {
            showPairLost(WITHDRAWN);
        } catch (AssignmentJudged e) {
            showPairLost("You had judged that pair already (in another tab?) — here is the next one.");
        }
        showNext();
    }

    /** A judge flagged by the last refit hears it where they play, not only on My stats. */
    private void showFlag() {
        flags.flagReason(judgeId).ifPresent(reason -> stage.add(FlagNotice.of(reason)));
    }

    private void showPairLost(String why) {
        feedback.removeAll();
        Span lost = new Span(why);
        lost.addClassName("verdict-expired");
        feedback.add(lost);
    }

    private void showFeedback(JudgmentResult result) {
        feedback.removeAll();
        // A gold pair missed may cost points: "−2 points", not "+-2 points".
        Span points = new Span(signed(result.points()) + " point" + (Math.abs(result.points()) == 1 ? "" : "s"));
        points.addClassName(result.points() > 0 ? "verdict-points-earned" : "verdict-points-none");
        // Named as the pair judged, not the one below it, which is still blind.
        Span sources = new Span("Previous pair: left was " + result.leftSource() + ", right was "
                + result.rightSource() + ".");
        sources.addClassName("verdict-sources");
        feedback.add(points, sources);
        if (result.gold() != null) {
            feedback.add(goldFeedback(result.gold()));
        }
        if (result.tooFast()) {
            Span warning = new Span("That was very quick — take the time to read both answers.");
            warning.addClassName("verdict-too-fast");
            feedback.add(warning);
        }
    }

    /** After a gold pair (its answer is known): whether the judge matched it, and why it is the better one. */
    private static Component goldFeedback(GoldFeedback gold) {
        Div box = new Div();
        box.addClassNames("verdict-gold-feedback", gold.matched() ? "verdict-gold-matched" : "verdict-gold-missed");
        Span headline = new Span(gold.matched()
                ? "Gold pair: you matched its known answer."
                : "Gold pair: its known answer was the " + gold.expected().name().toLowerCase() + " response.");
        headline.addClassName("verdict-gold-headline");
        box.add((gold.matched() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.INFO_CIRCLE).create(), headline);
        if (gold.why() != null) {
            Span why = new Span("Why: " + gold.why());
            why.addClassName("verdict-gold-why");
            box.add(why);
        }
        return box;
    }

    private void showSummary() {
        deal = null;
        RoundSummary summary = judging.summary(judgeId, round.roundId());
        RoundProgress done = summary.progress();
        Scorekeeper.Standing standing = judging.standing(judgeId);
        Div card = new Div();
        card.addClassNames("verdict-card", "verdict-summary");
        boolean nothingDealt = done.done() == 0;
        roundOffered = !nothingDealt;
        card.add(new H1(nothingDealt ? "Nothing left to judge" : "Round complete!"));
        if (nothingDealt) {
            card.add(new Paragraph(NOTHING_LEFT));
        } else {
            Div stats = new Div(new Stat(signed(summary.points()), "points this round"),
                    new Stat(String.valueOf(standing.points()), "points in all"),
                    place(standing) == 0 ? new Stat("—", "rank")
                            : new Stat("#" + standing.rank(), "rank of " + Math.max(standing.rankedJudges(), 1)
                                    + ", all time"));
            stats.addClassName("verdict-stats");
            card.add(new Paragraph(judgedSentence(done, summary.judged())), stats,
                    pointsByKind(summary.earned()));
            if (summary.tooFast() > 0) {
                Paragraph tooFast = new Paragraph(tooFastSentence(summary.tooFast(), summary.judged()));
                tooFast.addClassName("verdict-too-fast-summary");
                card.add(tooFast);
            }
        }
        // Shown even with nothing dealt: this summary is the "last time" the next one counts from.
        if (summary.settledSinceLastTime().pairs() > 0) {
            Paragraph settled = new Paragraph(settledSentence(summary.settledSinceLastTime()));
            settled.addClassName("verdict-settled-since");
            card.add(settled);
        }
        if (!nothingDealt) {
            card.add(rankChange(rankBeforeRound, place(standing)), progression(progress.of(judgeId)));
        }
        Button again = new Button("Play another round", VaadinIcon.PLAY.create(), e -> startRound());
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        again.addClassName("verdict-start");
        again.setVisible(!nothingDealt);
        Div actions = new Div(again, leaderboardButton());
        actions.addClassName("verdict-actions");
        card.add(actions);
        if (!nothingDealt) {
            Div legend = new Div(new Span("Keys:"), legendEntry("play another round", "Enter"));
            legend.addClassName("verdict-legend");
            card.add(legend);
        }
        stage.removeAll();
        stage.add(feedback);
        showFlag();
        stage.add(card);
    }

    /** "You judged 10 of 10 pairs.", "You judged 9 pairs and skipped 1.": skips earn nothing, so they are named. */
    static String judgedSentence(RoundProgress done, int judged) {
        int passed = done.done() - judged;
        return passed == 0 ? "You judged " + judged + " of " + Words.count(done.size(), "pair") + "."
                : "You judged " + Words.count(judged, "pair") + " and skipped " + passed + ".";
    }

    /** Points withheld for haste are named: otherwise a judge sees fewer points than judgments and no reason. */
    static String tooFastSentence(int tooFast, int judged) {
        String which = tooFast == judged ? (judged == 1 ? "It was" : "All of them were")
                : (tooFast == 1 ? "One of them was" : tooFast + " of them were");
        return which + " too quick to earn points: take the time to read both answers.";
    }

    /** "Base +10", "Consensus +4", "Gold penalty −1": where the round's points came from. */
    private static Component pointsByKind(List<Scorekeeper.Earned> earned) {
        Div kinds = new Div();
        kinds.addClassName("verdict-points-by-kind");
        earned.forEach(e -> {
            Span kind = new Span(e.kind() + " " + signed(e.points()));
            kind.addClassName("verdict-points-kind");
            kind.getElement().getThemeList().add(e.points() < 0 ? "badge error pill" : "badge pill");
            kinds.add(kind);
        });
        return kinds;
    }

    /** "3 of your earlier pairs settled since your last round: you agreed with 2 (+4 points)." */
    private static String settledSentence(Scorekeeper.Settled settled) {
        String points = settled.points() == 0 ? "" : " (" + signed(settled.points())
                + (Math.abs(settled.points()) == 1 ? " point)" : " points)");
        if (settled.pairs() == 1) {
            return "One of your earlier pairs settled since your last round: "
                    + (settled.agreed() == 1 ? "you agreed with the consensus" : "the consensus went the other way")
                    + points + ".";
        }
        return "%d of your earlier pairs settled since your last round: you agreed with %s%s."
                .formatted(settled.pairs(), settled.agreed() == 0 ? "none" : String.valueOf(settled.agreed()), points);
    }

    private static String signed(long points) {
        return points < 0 ? "−" + -points : "+" + points;
    }

    /** Instead of a pair once the judge has made today's cap of judgments; the last verdict's feedback stays. */
    private void showCapReached(DailyCapReached cap) {
        deal = null;
        Div card = new Div();
        card.addClassNames("verdict-card", "verdict-cap-reached");
        Paragraph message = new Paragraph("You've reached today's cap of " + cap.cap()
                + " judgments — come back tomorrow.");
        message.addClassName("verdict-cap-message");
        card.add(new H1("That's all for today"), message, leaderboardButton());
        stage.removeAll();
        stage.add(feedback, card);
    }

    private Button leaderboardButton() {
        return new Button("See the leaderboard", VaadinIcon.TROPHY.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("leaderboard")));
    }

    /** The judge's place on the board, 0 for none: without points a judge is not on it. */
    private static long place(Scorekeeper.Standing standing) {
        return standing.points() == 0 ? 0 : standing.rank();
    }

    /** A place of 0 is none: the judge had no points before the round, or has none after it. */
    static Component rankChange(long before, long after) {
        if (after == 0) {
            Span none = new Span("Not on the board yet: points put you on it");
            none.addClassNames("verdict-rank-change", "verdict-steady");
            return none;
        }
        Span change = new Span(before == 0 ? "▲ You entered the all-time board at #" + after
                : after < before ? "▲ You climbed " + Words.count(before - after, "place")
                : after == before ? "You held your place" : "▼ You dropped " + Words.count(after - before, "place"));
        change.addClassNames("verdict-rank-change", before == 0 || after < before ? "verdict-up" : "verdict-steady");
        return change;
    }

    /** Streak, level with its bar, and badges. */
    private static Component progression(PlayerProgress.Progress mine) {
        // The rule in words, not only in a title a touch screen never shows.
        Span streak = new Span(VaadinIcon.FIRE.create(), new Span(mine.streakDays() == 0
                ? "No streak yet: finish a round" : mine.streakDays() + "-day streak"
                        + (mine.streakKeptToday() ? "" : ": finish a round today to keep it")));
        streak.addClassName("verdict-streak");
        streak.getElement().setAttribute("title", "Days in a row with at least one full round");
        ProgressBar bar = new ProgressBar(0, 1, mine.levelProgress());
        bar.addClassName("verdict-level-bar");
        Span level = new Span("Level " + mine.level());
        level.addClassName("verdict-level");
        Span next = new Span(Words.count(mine.pointsToNextLevel(), "point") + " to level " + (mine.level() + 1));
        next.addClassName("verdict-level-next");
        Div levelBox = new Div(level, bar, next);
        levelBox.addClassName("verdict-level-box");
        Div badges = new Div();
        badges.addClassName("verdict-badges");
        mine.badges().forEach(b -> {
            Span badge = new Span(VaadinIcon.MEDAL.create(), new Span(b.title()));
            badge.setTitle(b.earnedFor());
            badge.getElement().getThemeList().add("badge contrast pill");
            badges.add(badge);
        });
        Div box = new Div(streak, levelBox, badges);
        box.addClassName("verdict-progression");
        return box;
    }

    private Component progress() {
        ProgressBar bar = new ProgressBar(0, round.size(), round.done());
        bar.addClassName("verdict-progress-bar");
        Span label = new Span((round.done() + 1) + " of " + round.size());
        label.addClassName("verdict-progress-label");
        Span points = new Span(Words.count(round.points(), "point") + " this round");
        points.addClassName("verdict-round-points");
        Div header = new Div(label, bar, points);
        header.addClassName("verdict-progress");
        return header;
    }

    private Component pair(Deal deal) {
        Div pair = new Div();
        pair.addClassName("verdict-pair");
        pair.getElement().setAttribute("tabindex", "-1");
        pair.getElement().setAttribute("role", "region");
        pair.getElement().setAttribute("aria-label", "Pair " + (round.done() + 1) + " of " + round.size());
        Span category = new Span(deal.category().label());
        category.addClassNames("verdict-category");
        category.getElement().getThemeList().add("badge");
        Div instruction = new Div(new SafeMarkdown(deal.instruction()));
        instruction.addClassName("verdict-instruction");
        pair.add(category, instruction);
        if (!deal.context().isBlank()) {
            Details context = new Details("Context", new SafeMarkdown(deal.context()));
            context.addClassName("verdict-context");
            // Where the answer must come from the context, the judge needs it open, however long.
            context.setOpened(deal.category().needsContext() || deal.context().length() <= LONG_CONTEXT_CHARS);
            pair.add(context);
        }
        Div responses = new Div(response("Left", "1 or ←", deal.left()), response("Right", "2 or →", deal.right()));
        responses.addClassName("verdict-responses");
        pair.add(responses);
        return pair;
    }

    private static Component response(String side, String keysHint, Deal.Shown shown) {
        Div card = new Div();
        card.addClassNames("verdict-response", "verdict-response-" + side.toLowerCase());
        Div head = new Div(new H3(side), keyHint(keysHint));
        head.addClassName("verdict-response-head");
        card.add(head);
        if (shown.text().isBlank()) {
            Span empty = new Span("This response is empty: the model answered nothing.");
            empty.addClassName("verdict-empty-response");
            card.add(empty);
        } else {
            SafeMarkdown text = new SafeMarkdown(shown.text());
            text.addClassName("verdict-response-text");
            card.add(text);
        }
        return card;
    }

    private Component verdictBar() {
        Button left = verdictButton("1", Verdict.LEFT, VaadinIcon.ARROW_LEFT);
        Button tie = verdictButton("T", Verdict.TIE, VaadinIcon.SCALE);
        Button bad = verdictButton("B", Verdict.BOTH_BAD, VaadinIcon.THUMBS_DOWN);
        Button right = verdictButton("2", Verdict.RIGHT, VaadinIcon.ARROW_RIGHT);
        right.setIconAfterText(true);
        left.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        right.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button skip = new Button("Skip", e -> skip());
        skip.setSuffixComponent(keyHint("S"));
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        skip.addClassName("verdict-skip");
        Div buttons = new Div(left, tie, bad, right);
        buttons.addClassName("verdict-buttons");
        Div extra = new Div(reason, skip);
        extra.addClassName("verdict-bar-extra");
        Div bar = new Div(buttons, extra);
        bar.addClassName("verdict-bar");
        return bar;
    }

    private Button verdictButton(String key, Verdict verdict, VaadinIcon icon) {
        Button button = new Button(label(verdict), icon.create(), e -> submit(verdict));
        button.setSuffixComponent(keyHint(key));
        button.addClassName("verdict-" + verdict.name().toLowerCase().replace('_', '-'));
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return button;
    }

    private static Component keyHint(String key) {
        Span hint = new Span(key);
        hint.addClassName("verdict-key");
        return hint;
    }

    /** The keys of a round, and what Enter does here ({@code enter}: start, or resume a round left unfinished). */
    private static Component keyLegend(String enter) {
        Div legend = new Div(new Span("Keys:"),
                legendEntry("left", "1", "←"), legendEntry("right", "2", "→"), legendEntry("tie", "T"),
                legendEntry("both bad", "B"), legendEntry("skip", "S"), legendEntry(enter, "Enter"));
        legend.addClassName("verdict-legend");
        return legend;
    }

    /** Keys and what they do, kept together on one line. */
    private static Component legendEntry(String action, String... keys) {
        Span entry = new Span();
        entry.addClassName("verdict-legend-entry");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                entry.add(new Span(" or "));
            }
            entry.add(keyHint(keys[i]));
        }
        entry.add(new Span(" " + action));
        return entry;
    }
}
