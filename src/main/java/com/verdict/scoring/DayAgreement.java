package com.verdict.scoring;

import java.time.LocalDate;

/** Of the votes whose pairs settled on {@code day}, how many there were and how many agreed with the consensus. */
public record DayAgreement(LocalDate day, int settled, int agreed) {

    /** Share of the day's settled votes that agreed; null on a day when none settled. */
    public Double share() {
        return settled == 0 ? null : (double) agreed / settled;
    }
}
