/**
 * The append-only, hash-chained audit log. It listens to {@link com.qteria.shared.AuditableEvent}s published by the
 * other modules; nobody calls it. Admins read, export and verify their organization's chain.
 */
@ApplicationModule(displayName = "Audit")
package com.qteria.audit;

import org.springframework.modulith.ApplicationModule;
