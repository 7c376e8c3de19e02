package com.qteria.audit;

import java.util.UUID;

/** The result of walking a chain: valid, how many entries were checked, and the first bad entry if any. */
public record AuditVerification(boolean valid, long checked, BadEntry firstBadEntry) {

    public record BadEntry(UUID id, long seq, String reason) {
    }

    static AuditVerification valid(long checked) {
        return new AuditVerification(true, checked, null);
    }

    static AuditVerification invalid(long checked, UUID id, long seq, String reason) {
        return new AuditVerification(false, checked, new BadEntry(id, seq, reason));
    }
}
