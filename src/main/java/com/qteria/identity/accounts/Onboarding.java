package com.qteria.identity.accounts;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.IdentityProperties;
import com.qteria.identity.persistence.Invitation;
import com.qteria.identity.persistence.Invitations;
import com.qteria.identity.persistence.Organization;
import com.qteria.identity.persistence.Organizations;
import com.qteria.identity.persistence.User;
import com.qteria.identity.persistence.Users;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.platform.web.PublicUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: a user created without a password gets a single-use link to choose one — 256 random bits, only the
 * SHA-256 stored, valid for {@code QTERIA_INVITATION_TTL} (7 days by default). The link goes out by e-mail when a mail
 * server is configured; without one the admin is shown the link once to pass on, so Qteria works without SMTP.
 * A new invitation for a user invalidates the older ones; deactivating the user invalidates them too.
 */
@Service
public class Onboarding {

    static final String PATH = "/invitations/";

    private final Invitations invitations;
    private final Users users;
    private final Organizations organizations;
    private final JdbcAggregateTemplate aggregates;
    private final Passwords passwords;
    private final InvitationMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration ttl;
    private final PublicUrl publicUrl;

    Onboarding(Invitations invitations, Users users, Organizations organizations, JdbcAggregateTemplate aggregates,
            Passwords passwords, InvitationMail mail, ApplicationEventPublisher events, Clock clock,
            IdentityProperties settings, PublicUrl publicUrl) {
        this.invitations = invitations;
        this.users = users;
        this.organizations = organizations;
        this.aggregates = aggregates;
        this.passwords = passwords;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.ttl = settings.auth().invitationTtl();
        this.publicUrl = publicUrl;
    }

    /** Invites a user who was just created without a password, in the transaction that created them. */
    @Transactional
    IssuedInvitation invite(CurrentUser admin, User user) {
        return issue(admin, user, false);
    }

    /** A new invitation for a user who has not chosen a password yet; their older links stop working. */
    @Transactional
    public IssuedInvitation reinvite(CurrentUser admin, UUID userId) {
        User user = users.findInTenant(userId, admin.tenantId().value())
                .orElseThrow(() -> ApiProblem.notFound("User"));
        if (!user.active()) {
            throw ApiProblem.conflict("This user is deactivated. Reactivate them first, then send the invitation again.");
        }
        if (user.passwordHash() != null) {
            throw ApiProblem.conflict("This user has already chosen a password and can sign in.");
        }
        return issue(admin, user, true);
    }

    /** What the invitation page shows for the secret of a link. */
    public InvitationCheck check(String secret) {
        Optional<Invitation> invitation = find(secret);
        if (invitation.isEmpty()) {
            return new InvitationCheck.Unknown();
        }
        return usableUser(invitation.get())
                .<InvitationCheck>map(user -> new InvitationCheck.Open(user.email(), user.name(),
                        organizationName(user.organizationId()), invitation.get().expiresAt()))
                .orElseGet(InvitationCheck.NoLongerValid::new);
    }

    /**
     * Sets the invitee's password and uses the link up; accepting signs the user in, so it is audited as a sign-in
     * too. Empty when the link is unknown or can no longer be used (also when someone else used it a moment ago).
     */
    @Transactional
    public Optional<CurrentUser> accept(String secret, String password) {
        Optional<Invitation> invitation = find(secret);
        Optional<User> user = invitation.flatMap(this::usableUser);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String hash = passwords.hash(password, "password");
        Instant now = now();
        if (invitations.accept(invitation.get().id(), invitation.get().organizationId(), now) == 0) {
            return Optional.empty();
        }
        CurrentUser accepted = users.save(user.get().changePassword(hash, now)).toCurrentUser();
        events.publishEvent(new IdentityEvent.UserInvitationAccepted(accepted.tenantId(), accepted.email(),
                accepted.id(), invitation.get().id()));
        events.publishEvent(new IdentityEvent.SignedIn(accepted.tenantId(), accepted.email(), accepted.id(),
                "invitation"));
        return Optional.of(accepted);
    }

    /** Invalidates the user's open invitations, e.g. when they are deactivated. */
    void revokeOpen(User user) {
        invitations.revokeOpen(user.id(), user.organizationId(), now());
    }

    private IssuedInvitation issue(CurrentUser admin, User user, boolean resent) {
        Instant now = now();
        invitations.revokeOpen(user.id(), user.organizationId(), now);
        InvitationSecret secret = InvitationSecret.random();
        Invitation invitation = aggregates.insert(Invitation.issue(Ids.next(), user.organizationId(), user.id(),
                secret.hash(), admin.id(), now, now.plus(ttl)));
        String link = publicUrl.value() + PATH + secret.value();
        boolean byMail = mail.configured();
        if (byMail) {
            mail.sendAfterCommit(new InvitationMail.Letter(user.id(), user.email(), user.name(), admin.name(),
                    admin.email(), organizationName(user.organizationId()), link, invitation.expiresAt()));
        }
        events.publishEvent(new IdentityEvent.UserInvited(admin.tenantId(), admin.email(), user.id(), user.email(),
                invitation.id(), invitation.expiresAt(), byMail ? "email" : "link", resent));
        return new IssuedInvitation(invitation.id(), user.id(), user.email(), invitation.expiresAt(),
                byMail ? null : link);
    }

    private Optional<Invitation> find(String secret) {
        if (!InvitationSecret.wellFormed(secret)) {
            return Optional.empty();
        }
        return invitations.findBySecretHash(new InvitationSecret(secret).hash());
    }

    /** The invitee, if the invitation can still be accepted: unused, unexpired, user active and without password. */
    private Optional<User> usableUser(Invitation invitation) {
        if (!invitation.usableAt(now())) {
            return Optional.empty();
        }
        return users.findInTenant(invitation.userId(), invitation.organizationId())
                .filter(user -> user.active() && user.passwordHash() == null);
    }

    private String organizationName(UUID organizationId) {
        return organizations.findById(organizationId).map(Organization::name).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An invitation just issued. {@code link} is present only when no mail server is configured: the admin is then
     * shown it once, to pass on. With mail, the link exists nowhere but in the e-mail.
     */
    public record IssuedInvitation(UUID id, UUID userId, String email, Instant expiresAt, String link) {

        /** The link goes out by e-mail (after the commit; whether the server took it is only logged). */
        public boolean byEmail() {
            return link == null;
        }

        @Override
        public String toString() {
            return "IssuedInvitation[id=" + id + ", userId=" + userId + ", byEmail=" + byEmail() + "]";
        }
    }
}
