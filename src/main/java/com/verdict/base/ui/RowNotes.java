package com.verdict.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Collection;
import java.util.function.Function;

/**
 * A row's long note (a flagged judge's reason) on a line of its own under the row, the grid's whole width: as a
 * column it was pushed off the right edge of a laptop's screen by the figures beside it, or wrapped a letter a line.
 */
public final class RowNotes {

    private RowNotes() {
    }

    /** Shows these items' notes under their rows (none where the note is null); call after each {@code setItems}. */
    public static <T> void show(Grid<T> grid, Collection<T> items, Function<T, String> note) {
        grid.setDetailsVisibleOnClick(false);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(item -> {
            Span text = new Span(note.apply(item));
            text.addClassName("verdict-row-note");
            return text;
        }));
        items.forEach(item -> grid.setDetailsVisible(item, note.apply(item) != null));
    }
}
