package com.verdict.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import com.verdict.base.ui.Times;
import com.verdict.scoring.RefitSummary;
import com.verdict.scoring.ScoringService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/** The consensus model for admins: its settings, what the last refit did, and a refit on demand. */
@Route("admin/scoring")
@PageTitle("Scoring · Verdict")
@Menu(order = 91, icon = "vaadin:refresh", title = "Scoring")
@RolesAllowed("ADMIN")
public class ScoringAdminView extends Div {

    private final ScoringService scoring;
    private final Times times;
    private final Paragraph lastRefit = new Paragraph();

    public ScoringAdminView(ScoringService scoring, VerdictProperties properties, Times times) {
        this.scoring = scoring;
        this.times = times;
        addClassNames("verdict-page", "verdict-scoring-admin");
        Button refit = new Button("Refit now", VaadinIcon.REFRESH.create(), e -> refit());
        refit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        refit.setDisableOnClick(true);
        refit.addClickListener(e -> refit.setEnabled(true));
        lastRefit.addClassName("verdict-last-refit");
        add(new H1("Scoring"), new Paragraph(settings(properties)), lastRefit, refit,
                new Paragraph(new RouterLink("Judges and agreement", JudgesView.class)));
        showLastRefit();
    }

    private void refit() {
        RefitSummary summary = scoring.refit();
        showLastRefit();
        Notification.show("Refit done in %d ms: %s and %s changed".formatted(summary.millis(),
                        Words.count(summary.pairsChanged(), "pair"),
                        Words.count(summary.interactionsChanged(), "interaction")),
                4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showLastRefit() {
        lastRefit.setText(scoring.lastRefit().map(s -> describe(s, times))
                .orElse("No refit has run yet: judgments are weighed with every judge taken as equally reliable."));
    }

    static String describe(RefitSummary s, Times times) {
        return ("Last refit %s, in %d ms: %s by %s on %s, %s. %s settled, %d contested; %s flagged. "
                + "Decisions changed: %s, %s.").formatted(times.formatWithZone(s.fittedAt()), s.millis(),
                Words.count(s.judgments(), "judgment"), Words.count(s.judges(), "judge"),
                Words.count(s.pairs(), "pair"), Words.count(s.iterations(), "EM iteration"),
                Words.count(s.settledPairs(), "pair"), s.contestedPairs(), Words.count(s.flaggedJudges(), "judge"),
                Words.count(s.pairsChanged(), "pair"), Words.count(s.interactionsChanged(), "interaction"));
    }

    private static String settings(VerdictProperties properties) {
        return String.format(Locale.ROOT, "A pair settles with %d judgments at %.0f%% confidence; undecided, it "
                        + "is dealt up to %d judgments, then contested. Judges below %.0f%% estimated accuracy are "
                        + "flagged once they have %d judgments. Full refit every %s.",
                properties.judging().judgmentsPerPair(), properties.scoring().settleConfidence() * 100,
                properties.judging().maxJudgmentsPerPair(), properties.scoring().flagBelow() * 100,
                properties.scoring().flagAfter(),
                properties.scoring().refitInterval().isZero() ? "— never on a schedule"
                        : properties.scoring().refitInterval().toString().substring(2).toLowerCase(Locale.ROOT));
    }
}
