package com.qteria.identity;

import com.qteria.identity.accounts.Accounts;
import com.qteria.shared.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What other modules may ask the identity module. Returns records, never entities. */
@Service
public class IdentityManagement {

    private final Accounts accounts;

    IdentityManagement(Accounts accounts) {
        this.accounts = accounts;
    }

    public OrganizationView organization(TenantId tenant) {
        return accounts.organization(tenant);
    }

    /** Display names of users of the organization, by id (for "saved by", "reviewed by"). */
    public Map<UUID, String> userNames(TenantId tenant, Collection<UUID> ids) {
        return accounts.names(tenant, ids);
    }
}
