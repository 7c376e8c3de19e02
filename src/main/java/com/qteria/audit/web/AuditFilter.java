package com.qteria.audit.web;

import com.qteria.audit.AuditQuery;
import com.qteria.shared.ApiProblem;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.BindParam;

/** The query parameters that filter the audit list and its CSV export alike. */
record AuditFilter(
        @Parameter(description = "Only entries by this actor (their e-mail address).")
        String actor,
        @Parameter(description = "Only entries of this action, such as user.created.")
        String action,
        @Parameter(name = "resource_type",
                description = "Only entries about this kind of resource, such as user or token.")
        @BindParam("resource_type") String resourceType,
        @Parameter(description = "Only entries at or after this ISO-8601 UTC time, such as 2026-01-31T00:00:00Z, or "
                + "from the start of this UTC day, such as 2026-01-31.")
        String from,
        @Parameter(description = "Only entries before this ISO-8601 UTC time, or up to the end of this UTC day, such "
                + "as 2026-01-31 (that day included).")
        String to) {

    AuditQuery query() {
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(resourceType),
                instant(from, "from", 0), instant(to, "to", 1));
    }

    /** Whether any filter is set (the page then offers to clear them). */
    public boolean any() {
        return java.util.stream.Stream.of(actor, action, resourceType, from, to).anyMatch(v -> v != null && !v.isBlank());
    }

    /** A time as given, or a day's start in UTC plus {@code daysAfter} (1 for "to": the day itself is included). */
    private static Instant instant(String value, String field, int daysAfter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).plusDays(daysAfter).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation(field, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z "
                    + "or a day such as 2026-01-31");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
