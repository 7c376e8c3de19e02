package com.qteria.identity;

import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Preferences;
import com.qteria.identity.persistence.AccessTokens;
import com.qteria.identity.persistence.Invitations;
import com.qteria.identity.persistence.Organizations;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask the identity module. Returns records, never entities. */
@Service
public class IdentityManagement {

    private final Accounts accounts;
    private final Preferences preferences;
    private final Organizations organizations;
    private final AccessTokens tokens;
    private final Invitations invitations;

    IdentityManagement(Accounts accounts, Preferences preferences, Organizations organizations, AccessTokens tokens,
            Invitations invitations) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.organizations = organizations;
        this.tokens = tokens;
        this.invitations = invitations;
    }

    /** Every organization of the installation, for work done for each of them (the daily retention run). */
    public List<TenantId> organizations() {
        return organizations.findAll().stream().map(o -> TenantId.of(o.id())).toList();
    }

    /**
     * Deletes, in every organization, the bearer tokens (sign-in and personal) and invitations that expired, were
     * revoked or (invitations) were used before {@code endedBefore}. None of them can be used any more; their
     * creation and revocation stay in the audit log.
     */
    @Transactional
    public PurgedCredentials purgeEndedBefore(Instant endedBefore) {
        return new PurgedCredentials(tokens.deleteEndedBefore(endedBefore),
                invitations.deleteEndedBefore(endedBefore));
    }

    /** How many ended credentials {@link #purgeEndedBefore} deleted. */
    public record PurgedCredentials(int accessTokens, int invitations) {
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
