package com.verdict.scoring;

/** Decided pairs between two sources ({@code a} before {@code b} in name order): who won how often, and ties. */
public record SourceMatchup(String a, String b, int aWins, int bWins, int ties) {
}
