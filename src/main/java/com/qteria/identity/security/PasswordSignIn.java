package com.qteria.identity.security;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.accounts.Passwords;
import com.qteria.identity.persistence.User;
import com.qteria.identity.persistence.Users;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password, for the sign-in form and for {@code POST /api/v1/auth/token} alike: throttled, audited, and
 * answering an unknown email exactly like a wrong password (same message, same hashing cost).
 * <p>
 * An e-mail is unique within an organization, not across them (so that no organization learns which addresses
 * another one has): the password chooses the account. Every account with the e-mail is checked, so the cost does not
 * depend on which one matches; when several match (the same password in two organizations) the oldest active one is
 * signed in. A failure is audited in the chain of each organization holding the e-mail (the platform's when none).
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

    private final Users users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    PasswordSignIn(Users users, Passwords passwords, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * Checks the credentials; throws {@link BadCredentialsException} or {@link SignInThrottledException}. Throttled
     * attempts are audited as {@link LoginThrottle} describes: one entry per blocked period, the rest counted.
     */
    public CurrentUser signIn(String rawEmail, String password, String ip, String method) {
        String email = Accounts.normalizeEmail(rawEmail == null ? "" : rawEmail);
        List<User> accounts = users.findAllByEmailForSignIn(email);
        if (throttle.admit(email, ip) instanceof LoginThrottle.Admission.Refused refused) {
            refused.recorded().ifPresent(block -> failed(accounts, email, method, "rate_limited", block.until(),
                    block.earlierUnrecorded()));
            throw new SignInThrottledException(refused.retryAfter());
        }
        List<User> matching = accounts.stream().filter(user -> passwords.matches(password, user.passwordHash()))
                .toList();
        if (accounts.isEmpty()) {
            passwords.matches(password, null); // the same hashing cost as for a known e-mail
        }
        Optional<User> active = matching.stream().filter(User::active).findFirst();
        if (active.isEmpty()) {
            String reason = accounts.isEmpty() ? "unknown_email" : matching.isEmpty() ? "wrong_password"
                    : "inactive_user";
            failed(matching.isEmpty() ? accounts : matching, email, method, reason, null,
                    throttle.takeUnrecorded(email));
            throw new BadCredentialsException("Email or password is not correct.");
        }
        throttle.succeeded(email, ip);
        CurrentUser current = active.get().toCurrentUser();
        events.publishEvent(new IdentityEvent.SignedIn(current.tenantId(), current.email(), current.id(), method,
                throttle.takeUnrecorded(email)));
        return current;
    }

    /** One entry per organization holding the e-mail (the platform's chain when none); the count goes with the first. */
    private void failed(List<User> accounts, String email, String method, String reason, Instant blockedUntil,
            int unrecordedRefusals) {
        if (accounts.isEmpty()) {
            events.publishEvent(new IdentityEvent.SignInFailed(null, email, null, method, reason, blockedUntil,
                    unrecordedRefusals));
            return;
        }
        for (int i = 0; i < accounts.size(); i++) {
            User user = accounts.get(i);
            events.publishEvent(new IdentityEvent.SignInFailed(user.tenantId(), email, user.id(), method, reason,
                    blockedUntil, i == 0 ? unrecordedRefusals : 0));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        CurrentUser user = signIn(authentication.getName(), String.valueOf(authentication.getCredentials()), ip, "form");
        return authenticated(user);
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
