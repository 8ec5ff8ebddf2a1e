package com.verdict.base.ui;

import com.verdict.base.VerdictProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How every view shows a moment: to the minute, in the contest's time zone ({@code verdict.leaderboard.zone}, the
 * zone its days and boards are counted in), named in a column's header or after a time in a sentence. Views showed
 * the server's zone, UTC or the contest's zone, some with seconds, and named the zone in some places only.
 */
@Component
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    @Autowired
    public Times(VerdictProperties properties) {
        this(properties.leaderboard().zone());
    }

    public Times(ZoneId zone) {
        this.zone = zone;
    }

    /** "2026-11-28 14:05", for a column whose header names the zone ({@link #header}). */
    public String format(Instant at) {
        return at == null ? "—" : FORMAT.format(at.atZone(zone));
    }

    /** "2026-11-28 14:05 UTC", for a time in a sentence. */
    public String formatWithZone(Instant at) {
        return format(at) + " " + zone.getId();
    }

    /** "When (UTC)": a column's header that names the zone of its times. */
    public String header(String label) {
        return label + " (" + zone.getId() + ")";
    }

    /** "2026-11-28": the day {@code at} falls on. */
    public String day(Instant at) {
        return at.atZone(zone).toLocalDate().toString();
    }

    /** Where a day picked in a view starts. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
