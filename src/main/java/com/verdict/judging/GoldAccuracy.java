package com.verdict.judging;

/** How a judge did on gold pairs: {@code matched} of {@code answered} verdicts agreed with the known answer. */
public record GoldAccuracy(long answered, long matched) {

    /** The share matched, 0 to 1; null before any gold pair was answered. */
    public Double rate() {
        return answered == 0 ? null : (double) matched / answered;
    }
}
