package com.verdict.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Two candidates of one interaction to compare; {@code a} is the one imported first. */
@Entity
class Pair {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "interaction_id")
    private Interaction interaction;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_a")
    private Candidate a;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_b")
    private Candidate b;

    protected Pair() {
    }

    Pair(Interaction interaction, Candidate a, Candidate b) {
        this.interaction = interaction;
        this.a = a;
        this.b = b;
    }

    Long getId() {
        return id;
    }
}
