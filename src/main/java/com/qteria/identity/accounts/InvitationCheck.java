package com.qteria.identity.accounts;

import java.time.Instant;

/** What an invitation link leads to, as the invitation page shows it. */
public sealed interface InvitationCheck {

    /** The link works: the invitee may choose a password until {@code expiresAt}. */
    record Open(String email, String name, String organization, Instant expiresAt) implements InvitationCheck {
    }

    /** No invitation has this secret. */
    record Unknown() implements InvitationCheck {
    }

    /** The invitation exists but is used, expired, replaced by a newer one, or its user was deactivated. */
    record NoLongerValid() implements InvitationCheck {
    }
}
