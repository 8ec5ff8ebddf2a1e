package com.verdict.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimesTests {

    private final Times berlin = new Times(ZoneId.of("Europe/Berlin"));

    @Test
    void showsMomentsToTheMinuteInTheContestsZoneAndNamesIt() {
        Instant lateUtc = Instant.parse("2026-11-27T23:30:59Z");

        assertThat(berlin.format(lateUtc)).isEqualTo("2026-11-28 00:30");
        assertThat(berlin.formatWithZone(lateUtc)).isEqualTo("2026-11-28 00:30 Europe/Berlin");
        assertThat(berlin.header("When")).isEqualTo("When (Europe/Berlin)");
        assertThat(berlin.format(null)).isEqualTo("—");
    }

    @Test
    void aDayStartsAtMidnightInThatZone() {
        assertThat(berlin.startOf(LocalDate.of(2026, 11, 28))).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
        assertThat(berlin.startOf(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void pickersWriteDaysAsTheViewsDoAndStartWeeksOnMonday() {
        DatePicker day = new DatePicker();
        Times.isoDays(day);
        assertThat(day.getI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(day.getI18n().getFirstDayOfWeek()).isEqualTo(1);

        DateTimePicker moment = new DateTimePicker();
        Times.isoDays(moment);
        assertThat(moment.getDatePickerI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(moment.getLocale()).isEqualTo(Locale.UK);
    }
}
