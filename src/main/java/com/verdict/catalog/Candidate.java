package com.verdict.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One response to an interaction's instruction; {@code position} is its 0-based index as imported. */
@Entity
class Candidate {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "interaction_id")
    private Interaction interaction;

    private int position;
    private String text;
    private String source;

    protected Candidate() {
    }

    Candidate(Interaction interaction, int position, String text, String source) {
        this.interaction = interaction;
        this.position = position;
        this.text = text;
        this.source = source;
    }

    Long getId() {
        return id;
    }

    int getPosition() {
        return position;
    }

    String getText() {
        return text;
    }

    String getSource() {
        return source;
    }
}
