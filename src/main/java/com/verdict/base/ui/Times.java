package com.verdict.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
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

    /**
     * A date picker that writes days as these views do (2026-11-28) and starts its weeks on Monday as the boards do,
     * not in the browser's US defaults.
     */
    public static void isoDays(DatePicker picker) {
        picker.setI18n(isoDayNames());
    }

    /** The same for a date and time picker, with a 24-hour clock (14:05). */
    public static void isoDays(DateTimePicker picker) {
        picker.setLocale(Locale.UK);
        picker.setDatePickerI18n(isoDayNames());
    }

    private static DatePicker.DatePickerI18n isoDayNames() {
        return new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1);
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
