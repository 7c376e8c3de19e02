package com.qteria.identity.accounts;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.MailRecipient;
import com.qteria.identity.UserPreferences;
import com.qteria.identity.persistence.UserPreferenceRows;
import com.qteria.identity.persistence.Users;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own preferences (every role, only their own), and who gets which e-mail because of them. A change is
 * published for the audit log; saving the same values again changes and records nothing.
 */
@Service
public class Preferences {

    private final UserPreferenceRows rows;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Preferences(UserPreferenceRows rows, Users users, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public UserPreferences of(CurrentUser user) {
        return rows.find(user.id(), user.tenantId().value()).orElse(UserPreferences.DEFAULTS);
    }

    @Transactional
    public UserPreferences change(CurrentUser user, UserPreferences wanted) {
        UserPreferences was = of(user);
        if (was.equals(wanted)) {
            return was;
        }
        rows.save(user.id(), user.tenantId().value(), wanted, clock.instant().truncatedTo(ChronoUnit.MICROS));
        events.publishEvent(new IdentityEvent.PreferencesChanged(user.tenantId(), user.email(), user.id(),
                Map.of("email_on_completion", Map.of("from", was.emailOnCompletion(),
                        "to", wanted.emailOnCompletion()))));
        return wanted;
    }

    /**
     * The user, to be told that an assessment they started has ended; empty when they are deactivated, are not a
     * member of the organization, or turned these e-mails off.
     */
    public Optional<MailRecipient> assessmentMailRecipient(TenantId tenant, UUID userId) {
        return users.findInTenant(userId, tenant.value())
                .filter(user -> user.active())
                .filter(user -> rows.find(user.id(), tenant.value()).orElse(UserPreferences.DEFAULTS)
                        .emailOnCompletion())
                .map(user -> new MailRecipient(user.id(), user.email(), user.name()));
    }
}
