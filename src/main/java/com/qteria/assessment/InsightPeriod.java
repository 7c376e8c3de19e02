package com.qteria.assessment;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days (UTC, both included) over which insights are counted: by default the {@value #DEFAULT_DAYS} days up to
 * today. Given as ISO dates ({@code 2026-03-01}); anything else, or {@code from} after {@code to}, is 422.
 */
public record InsightPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 90;

    /** The period from the request's {@code from} and {@code to}, either of which may be absent or blank. */
    public static InsightPeriod parse(String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, today, errors);
        LocalDate start = date("from", from, end == null ? null : end.minusDays(DEFAULT_DAYS - 1), errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldError("from", "The period starts after it ends: give a from on or before " + end + "."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new InsightPeriod(start, end);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String value, LocalDate otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Give a date as YYYY-MM-DD, e.g. 2026-03-01."));
            return null;
        }
    }
}
