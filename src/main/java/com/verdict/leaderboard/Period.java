package com.verdict.leaderboard;

import com.verdict.base.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;

/** The spans a board covers. Days, weeks (ISO, from Monday) and months are counted in the board's zone. */
public enum Period {
    DAY("Today", "Today"), WEEK("This week", "Week"), MONTH("This month", "Month"), ALL("All time", "All"),
    SEASON("Season", "Season");

    private final String label;
    private final String shortLabel;

    Period(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    /** The label where space is short, as on a phone's tabs. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The name used in URLs: day, week, month, all, season. */
    public String param() {
        return name().toLowerCase();
    }

    public static Period fromParam(String param) {
        return Arrays.stream(values()).filter(p -> p.param().equals(param)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Invalid request parameter",
                        List.of("period: must be one of day, week, month, all, season, not '" + param + "'")));
    }

    /** The key of the calendar period that contains {@code at}; not for seasons, which have ids. */
    String key(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (this) {
            case DAY -> "day:" + day;
            case WEEK -> "week:%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "month:%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case ALL -> "all";
            case SEASON -> throw new IllegalArgumentException("A season's key comes from its id");
        };
    }

    static String seasonKey(long seasonId) {
        return "season:" + seasonId;
    }
}
