package com.verdict.base;

import java.util.List;
import java.util.Locale;

/** Words for what people read: on screens and in the API's texts. */
public final class Words {

    private Words() {
    }

    /** "72%" for a share of 0.72; "—" for none. */
    public static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** "100% of 3" gold pairs right; "—" before any. */
    public static String gold(Double accuracy, int judgments) {
        return judgments == 0 || accuracy == null ? "—" : percent(accuracy) + " of " + judgments;
    }

    /** What {@link #leftBias} shows, for the views that show it. */
    public static final String LEFT_BIAS_MEANS = "Left bias (% points): how many percentage points more of a judge's "
            + "decisive verdicts went to the left response than their pairs warranted (point at it for both shares).";

    /** The header over {@link #leftBias}: its unit there, as "pts" in the cells read as game points. */
    public static final String LEFT_BIAS_HEADER = "Left bias (% points)";

    /**
     * "+18": how many percentage points more of a judge's decisive verdicts went to the left response than their
     * pairs warranted; "—" when there is nothing to measure. One form wherever a judge's left bias shows, with
     * {@link #leftShares} beside it where there is room (a tooltip): both shares in the cell pushed the lists of
     * judges wider than a laptop's screen.
     */
    public static String leftBias(Double leftShare, Double warranted) {
        if (leftShare == null || warranted == null) {
            return "—";
        }
        long points = Math.round(100 * leftShare) - Math.round(100 * warranted);
        return points < 0 ? "−" + -points : points > 0 ? "+" + points : "0";
    }

    /** "48% of decisive verdicts went left; their pairs warranted 30%"; null when there is nothing to measure. */
    public static String leftShares(Double leftShare, Double warranted) {
        return leftShare == null || warranted == null ? null
                : percent(leftShare) + " of decisive verdicts went left; their pairs warranted " + percent(warranted);
    }

    /**
     * "99.5%" for a confidence of 0.9956, "100%" only for 1: rounded down to a tenth of a percent, as a minimum
     * confidence of 1 admits only what shows as 100%.
     */
    public static String confidence(double share) {
        double tenths = Math.floor(share * 1000 + 1e-9) / 10;
        return (tenths == Math.rint(tenths) ? String.format(Locale.ROOT, "%.0f", tenths)
                : String.format(Locale.ROOT, "%.1f", tenths)) + "%";
    }

    /**
     * "1 judgment", "0 judgments", "1,234 judgments": a count, its thousands grouped, and its noun, which takes an s
     * unless the count is one.
     */
    public static String count(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }

    /** "Ada", "Ada and Grace", "Ada, Grace and Linus". */
    public static String andList(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /**
     * Text put into Markdown so that it reads as itself: a display name like "[Reset your password](https://…)" can
     * neither link nor emphasise in a notice every user sees.
     */
    public static String markdownLiteral(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]()<>!#|~{}])", "\\\\$1");
    }
}
