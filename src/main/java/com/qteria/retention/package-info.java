/**
 * Data lifecycle: each organization's retention policy (how many days documents are kept, and whether assessments go
 * with them or stay as results), set by its admins, and the daily run that applies every organization's policy and
 * purges what has ended everywhere (share links, bearer tokens, invitations). It owns the policy; the document and
 * assessment modules are told only the instant before which things go, through their retention services.
 */
@ApplicationModule(displayName = "Retention",
        allowedDependencies = {"identity", "document", "assessment", "shared", "platform"})
package com.qteria.retention;

import org.springframework.modulith.ApplicationModule;
