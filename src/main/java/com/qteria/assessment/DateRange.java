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
 * Days (UTC, both included) given as ISO dates ({@code 2026-03-01}) in {@code from} and {@code to}, either open when
 * absent. Anything but a date, or {@code from} after {@code to}, is 422 at that field: the one reading of a period
 * for the assessments list and the insights.
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Every day. */
    public static final DateRange ALWAYS = new DateRange(null, null);

    public static DateRange parse(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        DateRange range = new DateRange(start, end);
        range.check(errors);
        return range;
    }

    /** 422 when the range starts after it ends, or {@code errors} has any. */
    DateRange check(List<FieldError> errors) {
        if (errors.isEmpty() && from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "The period starts after it ends: give a from on or before " + to + "."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return this;
    }

    /** The first instant of the range; the epoch when it is open at the start. */
    public Instant start() {
        return from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range; far in the future when it is open at the end. */
    public Instant end() {
        return to == null ? LocalDate.of(9999, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Give a date as YYYY-MM-DD, e.g. 2026-03-01."));
            return null;
        }
    }
}
