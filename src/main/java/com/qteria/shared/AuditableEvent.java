package com.qteria.shared;

import java.util.Map;

/**
 * An event that belongs in the audit log. Modules publish such events; the audit module listens and
 * appends them to the hash chain of the event's organization. Nobody calls the audit module directly.
 */
public interface AuditableEvent {

    /** The organization whose chain gets the entry; {@code null} for platform-level events. */
    TenantId tenantId();

    /** Who did it: a user's email, {@code operator}, {@code system} or the email that was tried. */
    String actor();

    /** Dotted verb, e.g. {@code user.created}, {@code auth.sign_in_failed}. */
    String action();

    String resourceType();

    String resourceId();

    /** Extra facts worth keeping; never passwords, tokens or document text. */
    Map<String, Object> details();
}
