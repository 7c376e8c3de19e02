package com.qteria.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * The days (UTC, both included) over which insights are counted: a {@link DateRange} whose open ends are filled in,
 * by default the {@value #DEFAULT_DAYS} days up to today.
 */
public record InsightPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 90;

    /** The period from the request's {@code from} and {@code to}, either of which may be absent or blank. */
    public static InsightPeriod parse(String from, String to, LocalDate today) {
        DateRange given = DateRange.parse(from, to);
        LocalDate end = given.to() == null ? today : given.to();
        LocalDate start = given.from() == null ? end.minusDays(DEFAULT_DAYS - 1) : given.from();
        new DateRange(start, end).check(new ArrayList<>());
        return new InsightPeriod(start, end);
    }

    public Instant start() {
        return new DateRange(from, to).start();
    }

    public Instant end() {
        return new DateRange(from, to).end();
    }
}
