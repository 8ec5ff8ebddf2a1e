package com.verdict.scoring;

/**
 * A candidate source's Bradley–Terry rating over all decided pairs, on an Elo-like scale (1000 is the average
 * source; 400 points more means 10 to 1 odds of being preferred), with its 95% bootstrap interval, and its
 * record: pairs won, lost, and tied.
 */
public record SourceStanding(String source, double rating, double ciLow, double ciHigh, int wins, int losses,
        int ties) {
}
