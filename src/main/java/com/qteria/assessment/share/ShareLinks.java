package com.qteria.assessment.share;

import com.qteria.assessment.AssessmentEvent;
import com.qteria.assessment.AssessmentId;
import com.qteria.assessment.AssessmentManagement;
import com.qteria.assessment.AssessmentStatus;
import com.qteria.identity.CurrentUser;
import com.qteria.platform.web.PublicUrl;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.Sha256;
import com.qteria.shared.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expiring links to a completed assessment's read-only report (issue 13). The link's secret is 256 random bits,
 * base64url, shown once in the link; only its SHA-256 is stored. Creating, revoking and every view are audited (with
 * the share's id, never the secret). An unknown, expired or revoked secret is the same: nothing found.
 */
@Service
public class ShareLinks {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final AssessmentManagement assessments;
    private final ApplicationEventPublisher events;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ShareThrottle throttle;

    ShareLinks(JdbcClient jdbc, AssessmentManagement assessments, ApplicationEventPublisher events, PublicUrl publicUrl,
            Clock clock, ShareThrottle throttle) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.events = events;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A new link, valid {@code expiresInDays} (1 to 30, 7 when null); 409 ASSESSMENT_NOT_READY unless completed. */
    @Transactional
    public CreatedShare create(CurrentUser user, AssessmentId id, Integer expiresInDays) {
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw ApiProblem.validation("expires_in_days", "Choose a number of days from 1 to " + MAX_DAYS + ".");
        }
        AssessmentStatus status = assessments.get(user.tenantId(), id).status();
        if (status != AssessmentStatus.COMPLETED) {
            throw new ApiProblem(ProblemCode.ASSESSMENT_NOT_READY, "The assessment is " + status.value()
                    + "; share it once it has completed.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID shareId = Ids.next();
        Instant now = now();
        Instant expiresAt = now.plus(Duration.ofDays(days));
        jdbc.sql("""
                insert into assessment_shares (id, assessment_id, organization_id, token_hash, created_by, created_at,
                    expires_at, views)
                values (:id, :assessment, :tenant, :hash, :by, :at, :expires, 0)""")
                .param("id", shareId).param("assessment", id.value()).param("tenant", user.tenantId().value())
                .param("hash", Sha256.hex(secret)).param("by", user.email()).param("at", time(now))
                .param("expires", time(expiresAt)).update();
        events.publishEvent(new AssessmentEvent.ShareCreated(user.tenantId(), user.email(), id, shareId, expiresAt));
        return new CreatedShare(shareId, publicUrl.value() + "/s/" + secret, expiresAt);
    }

    /** The assessment's links, newest first, revoked and expired ones included; never their secrets. */
    public List<ShareView> list(TenantId tenant, AssessmentId id) {
        assessments.get(tenant, id);
        return jdbc.sql("""
                select id, expires_at, created_by, created_at, revoked_at, views from assessment_shares
                where assessment_id = :id and organization_id = :tenant order by created_at desc, id desc""")
                .param("id", id.value()).param("tenant", tenant.value())
                .query((rs, n) -> new ShareView(rs.getObject("id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getInt("views")))
                .list();
    }

    /** Revokes a link of the caller's organization (404 otherwise); revoking twice changes nothing. */
    @Transactional
    public void revoke(CurrentUser user, UUID shareId) {
        AssessmentId assessment = jdbc.sql("""
                select assessment_id from assessment_shares where id = :id and organization_id = :tenant""")
                .param("id", shareId).param("tenant", user.tenantId().value())
                .query((rs, n) -> new AssessmentId(rs.getObject("assessment_id", UUID.class))).optional()
                .orElseThrow(() -> ApiProblem.notFound("Share"));
        int changed = jdbc.sql("update assessment_shares set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", time(now())).param("id", shareId).update();
        if (changed > 0) {
            events.publishEvent(new AssessmentEvent.ShareRevoked(user.tenantId(), user.email(), assessment, shareId));
        }
    }

    /**
     * The share a secret opens, counted and audited as a view of {@code what} ({@code page}: the report page,
     * {@code pdf}: its PDF); empty when the secret is unknown, expired or revoked.
     * A malformed secret is still hashed and looked up, so every refusal takes the same path. Each call counts
     * against {@code clientAddress}'s limit first (429 beyond it).
     */
    @Transactional
    public Optional<OpenedShare> open(String secret, String clientAddress, String what) {
        throttle.admit(clientAddress);
        String given = secret == null ? "" : secret;
        String hash = Sha256.hex(given);
        Optional<OpenedShare> found = jdbc.sql("""
                select id, assessment_id, organization_id from assessment_shares
                where token_hash = :hash and revoked_at is null and expires_at > :now""")
                .param("hash", hash).param("now", time(now()))
                .query((rs, n) -> new OpenedShare(rs.getObject("id", UUID.class),
                        new TenantId(rs.getObject("organization_id", UUID.class)),
                        new AssessmentId(rs.getObject("assessment_id", UUID.class))))
                .optional()
                .filter(share -> SHAPE.matcher(given).matches());
        found.ifPresent(share -> {
            jdbc.sql("update assessment_shares set views = views + 1 where id = :id").param("id", share.id()).update();
            events.publishEvent(new AssessmentEvent.ShareViewed(share.tenant(), "anonymous", share.assessment(),
                    share.id(), what));
        });
        return found;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A link just created: the only time its {@code url} (with the secret) is given out. */
    public record CreatedShare(UUID id, String url, Instant expiresAt) {
    }

    /** A link as listed: never its secret. */
    public record ShareView(UUID id, Instant expiresAt, String createdBy, Instant createdAt, Instant revokedAt,
            int views) {
    }

    /** What a valid secret opens: the share, and the assessment with its organization. */
    public record OpenedShare(UUID id, TenantId tenant, AssessmentId assessment) {
    }
}
