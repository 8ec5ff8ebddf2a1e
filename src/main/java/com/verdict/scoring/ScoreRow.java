package com.verdict.scoring;

/** A judge's place on the all-time board; equal points share a rank. */
public record ScoreRow(long rank, long judgeId, long points, long judgments) {
}
