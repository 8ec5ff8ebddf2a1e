package com.verdict.leaderboard;

import java.util.List;

/** Who won an ended season: the judges who share its most points, by display name, and those points. */
public record SeasonWinners(List<String> names, long points) {
}
