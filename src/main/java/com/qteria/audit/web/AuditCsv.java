package com.qteria.audit.web;

import static com.qteria.shared.SpreadsheetCells.safe;

import com.qteria.audit.AuditEntry;
import com.qteria.audit.AuditLog;
import com.qteria.audit.AuditQuery;
import com.qteria.identity.UserView;
import com.qteria.shared.TenantId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;

/**
 * Streams a chain (or a filtered part of it) as CSV, with the hashes, so that it can be checked elsewhere, and with the
 * names of the actor and the resource beside their ids (resolved a batch at a time), so that a person can read it.
 */
final class AuditCsv {

    private static final String[] COLUMNS = {"id", "seq", "at", "actor", "action", "resource_type", "resource_id",
            "ip", "details", "prev_hash", "hash", "actor_name", "resource_name"};

    private AuditCsv() {
    }

    static void write(AuditLog log, AuditNames names, TenantId tenant, AuditQuery query, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(writer)) {
            Map<String, UserView> people = names.people(tenant);
            log.forEach(tenant, query, batch -> names.rows(tenant, batch, people).forEach(row -> {
                AuditEntry entry = row.entry();
                try {
                    csv.printRecord(entry.id(), entry.seq(), entry.at(), safe(entry.actor()), entry.action(),
                            entry.resourceType(), entry.resourceId(), entry.ip(), safe(entry.details()),
                            entry.prevHash(), entry.hash(), safe(row.actorName()),
                            safe(row.resource() == null ? null : row.resource().name()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
