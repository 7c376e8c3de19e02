package com.qteria.identity;

import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Preferences;
import com.qteria.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What other modules may ask the identity module. Returns records, never entities. */
@Service
public class IdentityManagement {

    private final Accounts accounts;
    private final Preferences preferences;

    IdentityManagement(Accounts accounts, Preferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    public OrganizationView organization(TenantId tenant) {
        return accounts.organization(tenant);
    }

    /** Everyone in the organization, deactivated people too, by name (for "performed by" choices and names). */
    public List<UserView> people(TenantId tenant) {
        return accounts.everyone(tenant);
    }

    /** Display names of users of the organization, by id (for "saved by", "reviewed by"). */
    public Map<UUID, String> userNames(TenantId tenant, Collection<UUID> ids) {
        return accounts.names(tenant, ids);
    }

    /**
     * Who to tell that an assessment a user started has completed or failed: that user, unless they are deactivated
     * or turned these e-mails off (their preferences, {@code email_on_completion}).
     */
    public Optional<MailRecipient> assessmentMailRecipient(TenantId tenant, UUID userId) {
        return preferences.assessmentMailRecipient(tenant, userId);
    }
}
