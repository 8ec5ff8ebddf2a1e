package com.verdict.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
class Interaction {

    @Id
    private Long id;

    private String externalId;
    private String instruction;
    private String context;
    private Category category;
    private boolean retired;
    private Integer goldBest;
    private String goldWhy;
    private Instant createdAt;

    @OneToMany(mappedBy = "interaction", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Candidate> candidates = new ArrayList<>();

    @OneToMany(mappedBy = "interaction", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Pair> pairs = new ArrayList<>();

    protected Interaction() {
    }

    Interaction(String externalId, String instruction, String context, Category category) {
        this.externalId = externalId;
        this.instruction = instruction;
        this.context = context;
        this.category = category;
        this.createdAt = Instant.now();
    }

    void addCandidate(String text, String source) {
        candidates.add(new Candidate(this, candidates.size(), text, source));
    }

    /** Every unordered pair of candidates, the lower position as a; call once all candidates are added. */
    void formPairs() {
        for (int a = 0; a < candidates.size(); a++) {
            for (int b = a + 1; b < candidates.size(); b++) {
                pairs.add(new Pair(this, candidates.get(a), candidates.get(b)));
            }
        }
    }

    Long getId() {
        return id;
    }

    String getExternalId() {
        return externalId;
    }

    String getInstruction() {
        return instruction;
    }

    String getContext() {
        return context;
    }

    Category getCategory() {
        return category;
    }

    boolean isRetired() {
        return retired;
    }

    Integer getGoldBest() {
        return goldBest;
    }

    String getGoldWhy() {
        return goldWhy;
    }

    List<Candidate> getCandidates() {
        return candidates;
    }

    List<Pair> getPairs() {
        return pairs;
    }
}
