package com.verdict.leaderboard;

/** Levels from all-time points: reaching level L takes 5·L·(L−1) points (0, 10, 30, 60, 100, …). */
final class Levels {

    private Levels() {
    }

    static int level(long points) {
        int level = 1;
        while (threshold(level + 1) <= points) {
            level++;
        }
        return level;
    }

    static long threshold(int level) {
        return 5L * level * (level - 1);
    }

    /** How far from the current level to the next, 0 to 1: a judge whose gold misses left them below 0 is at 0. */
    static double progress(long points) {
        int level = level(points);
        long from = threshold(level);
        return (double) Math.max(0, points - from) / (threshold(level + 1) - from);
    }
}
