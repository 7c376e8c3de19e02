package com.qteria.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.qteria.audit.AuditEntry;
import com.qteria.audit.AuditLog;
import com.qteria.audit.AuditQuery;
import com.qteria.audit.AuditVerification;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's audit trail for its admins: list with filters, CSV export, and chain verification. */
@RestController
@Tag(name = "Audit log",
        description = "The organization's audit trail, a hash chain, for its admins: list, export and verify.")
@RequestMapping("/api/v1/audit-events")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditLog log;
    private final AuditNames names;

    AuditApiController(AuditLog log, AuditNames names) {
        this.log = log;
        this.names = names;
    }

    @GetMapping
    @Operation(operationId = "listAuditEvents", summary = "List audit entries", description = "Newest first.")
    PageResponse<Item> list(@AuthenticationPrincipal CurrentUser admin, @ParameterObject AuditFilter filter,
            Paging paging) {
        AuditQuery query = filter.query();
        return PageResponse.of(
                log.find(admin.tenantId(), query, paging.size(), paging.offset()).stream().map(this::item).toList(),
                paging, log.count(admin.tenantId(), query));
    }

    @GetMapping("/export.csv")
    @Operation(operationId = "exportAuditEvents", summary = "Export audit entries as CSV",
            description = "Every entry that matches the filters, oldest first, as a CSV download: the entry's fields "
                    + "and hashes, then the actor's and the resource's names.")
    @ApiResponse(responseCode = "200", description = "The entries as CSV.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(@AuthenticationPrincipal CurrentUser admin, @ParameterObject AuditFilter filter,
            HttpServletResponse response) throws IOException {
        AuditCsv.write(log, names, admin.tenantId(), filter.query(), response);
    }

    @GetMapping("/verify")
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail's hash chain",
            description = "valid is false when an entry was edited or deleted; the answer names the first bad one.")
    AuditVerification verify(@AuthenticationPrincipal CurrentUser admin) {
        return log.verify(admin.tenantId());
    }

    private Item item(AuditEntry entry) {
        return new Item(entry.id(), entry.at(), entry.actor(), entry.action(), entry.resourceType(), entry.resourceId(),
                entry.ip(), names.details(entry.details()));
    }

    record Item(UUID id, Instant at, String actor, String action, String resourceType, String resourceId, String ip,
            Map<String, Object> details) {
    }
}
