package com.qteria.identity.security;

import com.qteria.identity.IdentityEvent;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions as soon as their role changes or they are deactivated (their tokens are revoked
 * by the same change), so the change bites at once. Commands without a web server (keys, db) have no session store,
 * and no sessions to end.
 */
@Component
class SessionEnding {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SessionEnding(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(IdentityEvent.UserDeactivated deactivated) {
        end(deactivated.userId());
    }

    @EventListener
    void on(IdentityEvent.UserUpdated updated) {
        if (updated.changes().containsKey("role")) {
            end(updated.userId());
        }
    }

    private void end(UUID user) {
        sessions.ifAvailable(store -> store.findByPrincipalName(user.toString()).keySet().forEach(store::deleteById));
    }
}
