package com.verdict.leaderboard;

import java.time.Instant;
import java.util.List;

/**
 * What a judge's board rows gain: {@code keys} are the boards it counts on, fixed when it was scored;
 * {@code at} is the latest score's time.
 */
record BoardScore(long judgeId, List<String> keys, Instant at, long points, long judgments) {
}
