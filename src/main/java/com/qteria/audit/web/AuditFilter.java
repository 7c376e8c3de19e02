package com.qteria.audit.web;

import com.qteria.audit.AuditQuery;
import com.qteria.shared.ApiProblem;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
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
        @Parameter(description = "Only entries at or after this ISO-8601 UTC time, such as 2026-01-31T00:00:00Z.")
        String from,
        @Parameter(description = "Only entries before this ISO-8601 UTC time.")
        String to) {

    AuditQuery query() {
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(resourceType),
                instant(from, "from"), instant(to, "to"));
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation(field, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
