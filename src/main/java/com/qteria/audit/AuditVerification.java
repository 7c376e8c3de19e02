package com.qteria.audit;

import java.io.Serializable;
import java.util.UUID;

/**
 * The result of walking a chain: valid, how many entries were checked, and the first bad entry if any. Serializable
 * because the audit page hands it to the next page as a flash attribute, which lives in the database-backed session.
 */
public record AuditVerification(boolean valid, long checked, BadEntry firstBadEntry) implements Serializable {

    public record BadEntry(UUID id, long seq, String reason) implements Serializable {
    }

    static AuditVerification valid(long checked) {
        return new AuditVerification(true, checked, null);
    }

    static AuditVerification invalid(long checked, UUID id, long seq, String reason) {
        return new AuditVerification(false, checked, new BadEntry(id, seq, reason));
    }
}
