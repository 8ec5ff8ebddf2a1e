package com.verdict.scoring;

/**
 * Why points were awarded: {@code BASE} for a judgment made in at least the minimum reading time,
 * {@code CONSENSUS} when a pair the judge voted on settled their way, {@code GOLD} for matching (or, negative,
 * missing) a gold pair's known answer, {@code STREAK} for a run of agreements with the consensus.
 */
public enum PointsKind {
    BASE("Base"), CONSENSUS("Consensus"), GOLD("Gold"), STREAK("Agreement streak");

    private final String label;

    PointsKind(String label) {
        this.label = label;
    }

    /** The kind as a judge reads it. */
    public String label() {
        return label;
    }
}
