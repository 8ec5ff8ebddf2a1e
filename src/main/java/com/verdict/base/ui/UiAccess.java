package com.verdict.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/**
 * Hands work done off the UI thread (an import, a count, a download's progress) to a view that may have closed
 * meanwhile: {@code ui.access} then throws, which would break off the work itself, such as an import mid-file.
 */
public final class UiAccess {

    private UiAccess() {
    }

    /** Runs {@code command} with the UI locked, unless the UI is gone: then nobody is waiting for it. */
    public static void ifOpen(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // Closed: nothing to show.
        }
    }
}
