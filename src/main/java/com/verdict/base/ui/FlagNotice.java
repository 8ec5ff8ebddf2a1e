package com.verdict.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a judge flagged by the last refit is told, with the reason, wherever they look at their game (Play, My
 * stats): otherwise their bonuses stop and nothing says why.
 */
public final class FlagNotice {

    private FlagNotice() {
    }

    /** The notice for a flag with this reason ("" for none). */
    public static Component of(String reason) {
        Div notice = new Div(new Paragraph("Your bonuses are paused, and for now your verdicts weigh nothing in the "
                + "consensus: the last refit found them differing from it more than most"
                + (reason.isEmpty() ? "" : " (" + reason + ")") + ". Read both answers to the end before you "
                + "choose; a later refit lifts the pause once your estimated accuracy is back up."));
        notice.addClassNames("verdict-card", "verdict-flag-notice");
        return notice;
    }
}
