package com.verdict.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before a change that cannot be undone: a dialog that says what follows, Cancel beside the change in red. */
public final class Confirmation {

    private Confirmation() {
    }

    /** Opens the question; {@code change} runs only if the button named {@code action} is clicked. */
    public static void ask(String title, String consequence, String action, Runnable change) {
        Dialog dialog = new Dialog(title);
        dialog.add(new Paragraph(consequence));
        Button ok = new Button(action, e -> {
            dialog.close();
            change.run();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        ok.addClassName("verdict-confirm");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }
}
