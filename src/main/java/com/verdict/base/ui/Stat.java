package com.verdict.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A big figure with its caption underneath, e.g. "12" over "points". */
public class Stat extends Div {

    public Stat(String value, String label) {
        Span number = new Span(value);
        number.addClassName("verdict-stat-value");
        Span caption = new Span(label);
        caption.addClassName("verdict-stat-label");
        add(number, caption);
        addClassName("verdict-stat");
    }
}
