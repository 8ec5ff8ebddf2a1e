package com.verdict.scoring;

import java.util.Locale;

/** A judge's confusion matrix as stored: 16 probabilities, comma-separated, row by row. */
final class Reliabilities {

    private static final int CELLS = Outcomes.COUNT * Outcomes.COUNT;

    private Reliabilities() {
    }

    static String format(double[] confusion, int offset) {
        StringBuilder text = new StringBuilder(CELLS * 8);
        for (int c = 0; c < CELLS; c++) {
            if (c > 0) {
                text.append(',');
            }
            text.append(String.format(Locale.ROOT, "%.6g", confusion[offset + c]));
        }
        return text.toString();
    }

    static double[] parse(String text) {
        String[] cells = text.split(",");
        if (cells.length != CELLS) {
            throw new IllegalArgumentException("A confusion matrix has 16 cells, not " + cells.length);
        }
        double[] confusion = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            confusion[c] = Double.parseDouble(cells[c]);
        }
        return confusion;
    }
}
