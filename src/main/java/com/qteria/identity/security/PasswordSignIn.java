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
        Optional<User> user = users.findByEmailForSignIn(email);
        if (throttle.admit(email, ip) instanceof LoginThrottle.Admission.Refused refused) {
            refused.recorded().ifPresent(block -> events.publishEvent(failure(user, email, method, "rate_limited",
                    block.until(), block.earlierUnrecorded())));
            throw new SignInThrottledException(refused.retryAfter());
        }
        boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(null));
        if (!matches || !user.get().active()) {
            String reason = user.isEmpty() ? "unknown_email" : !matches ? "wrong_password" : "inactive_user";
            events.publishEvent(failure(user, email, method, reason, null, throttle.takeUnrecorded(email)));
            throw new BadCredentialsException("Email or password is not correct.");
        }
        throttle.succeeded(email, ip);
        CurrentUser current = user.get().toCurrentUser();
        events.publishEvent(new IdentityEvent.SignedIn(current.tenantId(), current.email(), current.id(), method,
                throttle.takeUnrecorded(email)));
        return current;
    }

    private static IdentityEvent.SignInFailed failure(Optional<User> user, String email, String method, String reason,
            Instant blockedUntil, int unrecordedRefusals) {
        return new IdentityEvent.SignInFailed(user.map(User::tenantId).orElse(null), email,
                user.map(User::id).orElse(null), method, reason, blockedUntil, unrecordedRefusals);
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
