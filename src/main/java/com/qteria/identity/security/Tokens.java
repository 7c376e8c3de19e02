package com.qteria.identity.security;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.IdentityProperties;
import com.qteria.identity.persistence.AccessToken;
import com.qteria.identity.persistence.AccessTokens;
import com.qteria.identity.persistence.TokenOwner;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.shared.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opaque bearer tokens: {@code qt_} and 256 random bits, shown once, stored as SHA-256. Sign-in tokens live 8 hours
 * by default; personal access tokens as long as their owner asked.
 * <p>
 * A checked token is trusted for {@code qteria.auth.token-cache-ttl} (10 s by default) before the database is asked
 * again, so a client's burst of calls costs one query. Whatever can make a token unusable (a revoke, a role change,
 * a deactivation, a rename that changes who the caller is) publishes an {@link IdentityEvent}; once it is committed
 * this instance forgets every checked token, so the change bites here at once and on other instances within the
 * cache time. A check that read the database before such a change cannot put its stale answer back afterwards.
 */
@Service
public class Tokens {

    public static final String PREFIX = "qt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final AccessTokens tokens;
    private final JdbcAggregateTemplate aggregates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration signInTtl;
    private final Cache<String, TokenOwner> checked;
    private long forgotten;

    Tokens(AccessTokens tokens, JdbcAggregateTemplate aggregates, ApplicationEventPublisher events,
            Clock clock, IdentityProperties settings) {
        this.tokens = tokens;
        this.aggregates = aggregates;
        this.events = events;
        this.clock = clock;
        this.signInTtl = settings.auth().accessTokenTtl();
        this.checked = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(settings.auth().tokenCacheTtl()).build();
    }

    @Transactional
    public IssuedToken issueSignInToken(CurrentUser user) {
        return issue(user, AccessToken.Kind.SIGN_IN, null, signInTtl);
    }

    @Transactional
    public IssuedToken createPersonal(CurrentUser user, String name, int expiresInDays) {
        return issue(user, AccessToken.Kind.PERSONAL, name.trim(), Duration.ofDays(expiresInDays));
    }

    public List<AccessToken> personalTokens(CurrentUser user) {
        Instant now = now();
        return tokens.findPersonal(user.id(), user.tenantId().value()).stream().filter(t -> t.usableAt(now)).toList();
    }

    @Transactional
    public void revokePersonal(CurrentUser user, UUID id) {
        AccessToken token = tokens.findOwned(id, user.id(), user.tenantId().value())
                .filter(t -> t.kind() == AccessToken.Kind.PERSONAL && t.revokedAt() == null)
                .orElseThrow(() -> ApiProblem.notFound("Token"));
        revoke(user, token);
    }

    @Transactional
    public void revokeUsed(CurrentUser user, UUID tokenId) {
        tokens.findOwned(tokenId, user.id(), user.tenantId().value()).ifPresent(token -> {
            revoke(user, token);
            if (token.kind() == AccessToken.Kind.SIGN_IN) {
                events.publishEvent(new IdentityEvent.SignedOut(user.tenantId(), user.email(), user.id(), "token"));
            }
        });
    }

    /** The user behind a bearer token, if the token is known, unexpired, unrevoked and its user active. */
    public Optional<Resolved> resolve(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX) || bearer.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(bearer);
        Instant now = now();
        TokenOwner owner = checked.getIfPresent(hash);
        if (owner == null || !owner.expiresAt().isAfter(now)) {
            owner = check(hash, now);
        }
        return Optional.ofNullable(owner).map(found -> new Resolved(found.user(), found.tokenId()));
    }

    private TokenOwner check(String hash, Instant now) {
        long seen = forgottenSoFar();
        TokenOwner owner = tokens.findUsable(hash, now).orElse(null);
        if (owner == null) {
            checked.invalidate(hash);
            return null;
        }
        if (owner.lastUsedAt() == null || owner.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            tokens.touch(owner.tokenId(), now);
        }
        synchronized (checked) {
            if (forgotten == seen) {
                checked.put(hash, owner);
            }
        }
        return owner;
    }

    private long forgottenSoFar() {
        synchronized (checked) {
            return forgotten;
        }
    }

    /** Forgets every checked token once a change that can make one unusable is committed (or at once, without one). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(IdentityEvent event) {
        if (event instanceof IdentityEvent.TokenRevoked || event instanceof IdentityEvent.UserUpdated
                || event instanceof IdentityEvent.UserDeactivated) {
            synchronized (checked) {
                forgotten++;
                checked.invalidateAll();
            }
        }
    }

    private IssuedToken issue(CurrentUser user, AccessToken.Kind kind, String name, Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = now();
        AccessToken token = aggregates.insert(new AccessToken(Ids.next(), user.tenantId().value(), user.id(), kind, name,
                sha256(value), now, now.plus(ttl), null, null));
        events.publishEvent(new IdentityEvent.TokenCreated(user.tenantId(), user.email(), token.id(),
                kind.name().toLowerCase(), name));
        return new IssuedToken(token.id(), name, value, token.expiresAt(), ttl);
    }

    private void revoke(CurrentUser user, AccessToken token) {
        tokens.revoke(token.id(), user.tenantId().value(), now());
        events.publishEvent(new IdentityEvent.TokenRevoked(user.tenantId(), user.email(), token.id(),
                token.kind().name().toLowerCase()));
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public record IssuedToken(UUID id, String name, String value, Instant expiresAt, Duration ttl) {
    }

    public record Resolved(CurrentUser user, UUID tokenId) {
    }
}
