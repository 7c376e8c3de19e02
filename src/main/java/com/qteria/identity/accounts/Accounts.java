package com.qteria.identity.accounts;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.OrganizationView;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.identity.persistence.AccessTokens;
import com.qteria.identity.persistence.Organization;
import com.qteria.identity.persistence.Organizations;
import com.qteria.identity.persistence.User;
import com.qteria.identity.persistence.Users;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations and their users: creating, changing, deactivating. Every change is published for the audit log. */
@Service
public class Accounts {

    private final Organizations organizations;
    private final Users users;
    private final AccessTokens tokens;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final Onboarding onboarding;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile boolean anyUser;

    public Accounts(Organizations organizations, Users users, AccessTokens tokens, JdbcAggregateTemplate aggregates,
            JdbcClient jdbc, Passwords passwords, Onboarding onboarding, ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.tokens = tokens;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.onboarding = onboarding;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the one-time setup is still due: true until the first user exists. */
    public boolean setupRequired() {
        if (anyUser) {
            return false;
        }
        anyUser = users.anyExist();
        return !anyUser;
    }

    /** Creates an organization with its first admin (operator API, setup page, bootstrap variables). */
    @Transactional
    public CreatedOrganization createOrganization(String name, String adminEmail, String adminName,
            String adminPassword, String actor) {
        String email = normalizeEmail(adminEmail);
        String hash = adminPassword != null ? passwords.hash(adminPassword, "admin.password") : null;
        Instant now = now();
        Organization organization = aggregates.insert(new Organization(Ids.next(), name.trim(), now));
        TenantId tenant = TenantId.of(organization.id());
        User admin = aggregates.insert(User.create(Ids.next(), tenant, email, adminName.trim(), Role.ADMIN, hash, now));
        anyUser = true;
        events.publishEvent(new IdentityEvent.OrganizationCreated(tenant, actor, organization.name(), admin.id()));
        events.publishEvent(new IdentityEvent.UserCreated(tenant, actor, admin.id(), email, Role.ADMIN, hash == null));
        Onboarding.IssuedInvitation invitation = hash != null ? null
                : onboarding.invite(new CurrentUser(admin.id(), tenant, admin.email(), "Qteria", Role.ADMIN), admin);
        return new CreatedOrganization(view(organization), admin.view(), invitation);
    }

    /**
     * The one-time setup (setup page, bootstrap variables): allowed only while no user exists at all. The
     * installation row is claimed first, so of two setups at the same instant only one creates an organization.
     */
    @Transactional
    public CurrentUser setUp(String organizationName, String adminEmail, String adminName, String password,
            String actor) {
        boolean claimed = jdbc.sql("update installation set set_up_at = :now where id = 1 and set_up_at is null")
                .param("now", java.time.OffsetDateTime.ofInstant(now(), java.time.ZoneOffset.UTC)).update() == 1;
        if (!claimed || users.anyExist()) {
            throw ApiProblem.conflict("Qteria is already set up. Sign in instead.");
        }
        CreatedOrganization created = createOrganization(organizationName, adminEmail, adminName, password, actor);
        UserView admin = created.admin();
        return new CurrentUser(admin.id(), TenantId.of(created.organization().id()), admin.email(), admin.name(),
                admin.role());
    }

    /** Like {@link #addUser}, for callers that do not need the invitation. */
    @Transactional
    public UserView createUser(CurrentUser actor, String email, String name, Role role, String password) {
        return addUser(actor, email, name, role, password).user();
    }

    /** Creates a user in the actor's organization; without a password the user is invited to choose one. */
    @Transactional
    public NewUser addUser(CurrentUser actor, String email, String name, Role role, String password) {
        String normalized = normalizeEmail(email);
        requireNotAMember(actor.tenantId(), normalized, "email");
        String hash = password != null ? passwords.hash(password, "password") : null;
        User user = aggregates.insert(User.create(Ids.next(), actor.tenantId(), normalized, name.trim(), role, hash, now()));
        events.publishEvent(new IdentityEvent.UserCreated(actor.tenantId(), actor.email(), user.id(), normalized, role,
                hash == null));
        return new NewUser(user.view(), hash == null ? onboarding.invite(actor, user) : null);
    }

    public UserView user(CurrentUser actor, UUID id) {
        return find(actor.tenantId(), id).view();
    }

    public List<UserView> users(TenantId tenant, int page, int size) {
        return users.pageInTenant(tenant.value(), size, (long) page * size).stream().map(User::view).toList();
    }

    /** Everyone in the organization, active or not, by name. */
    public List<UserView> everyone(TenantId tenant) {
        return users.findEveryoneInTenant(tenant.value()).stream().map(User::view).toList();
    }

    /** Display names of the organization's users among {@code ids}; ids of other organizations are not answered. */
    public Map<UUID, String> names(TenantId tenant, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllInTenant(tenant.value(), ids).stream().collect(Collectors.toMap(User::id, User::name));
    }

    public long countUsers(TenantId tenant) {
        return users.countInTenant(tenant.value());
    }

    /** The ids of the organization's users who have not chosen a password yet (they are waiting for an invitation). */
    public Set<UUID> awaitingPassword(TenantId tenant) {
        return users.findWithoutPasswordInTenant(tenant.value()).stream().map(User::id).collect(Collectors.toSet());
    }

    /** Applies the given changes (null = unchanged). An organization always keeps one active admin. */
    @Transactional
    public UserView updateUser(CurrentUser actor, UUID id, Role role, Boolean active, String name) {
        User user = find(actor.tenantId(), id);
        Instant now = now();
        Map<String, Object> changes = new LinkedHashMap<>();
        boolean loseAdmin = user.role() == Role.ADMIN && user.active()
                && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(active));
        if (loseAdmin && users.countActiveAdmins(actor.tenantId().value()) <= 1) {
            throw ApiProblem.conflict("An organization needs at least one active admin. Make someone else admin first.");
        }
        if (role != null && role != user.role()) {
            changes.put("role", Map.of("from", user.role().key(), "to", role.key()));
            user = user.changeRole(role, now);
        }
        if (name != null && !name.trim().equals(user.name())) {
            changes.put("name", Map.of("from", user.name(), "to", name.trim()));
            user = user.rename(name.trim(), now);
        }
        if (active != null && active != user.active()) {
            changes.put("active", Map.of("from", user.active(), "to", active));
            user = user.activate(active, now);
        }
        if (changes.isEmpty()) {
            return user.view();
        }
        User saved = users.save(user);
        if (changes.containsKey("role") || !saved.active()) {
            // The change bites at once: no token of theirs works any more, and SessionEnding ends their browser
            // sessions on the event below.
            tokens.revokeAllOf(saved.id(), saved.organizationId(), now);
        }
        if (changes.containsKey("active") && !saved.active()) {
            onboarding.revokeOpen(saved);
            events.publishEvent(new IdentityEvent.UserDeactivated(actor.tenantId(), actor.email(), saved.id(), saved.email()));
        } else {
            events.publishEvent(new IdentityEvent.UserUpdated(actor.tenantId(), actor.email(), saved.id(), changes));
        }
        return saved.view();
    }

    @Transactional
    public void deactivate(CurrentUser actor, UUID id) {
        updateUser(actor, id, null, false, null);
    }

    public OrganizationView organization(TenantId tenant) {
        return organizations.findById(tenant.value()).map(Accounts::view)
                .orElseThrow(() -> ApiProblem.notFound("Organization"));
    }

    private User find(TenantId tenant, UUID id) {
        return users.findInTenant(id, tenant.value()).orElseThrow(() -> ApiProblem.notFound("User"));
    }

    /**
     * E-mails are unique within an organization only: whether another organization has the address is never
     * revealed (the same person may hold accounts in both; the password chooses at sign-in).
     */
    private void requireNotAMember(TenantId tenant, String email, String field) {
        if (users.existsInTenantByEmail(tenant.value(), email)) {
            throw ApiProblem.validation(field, "already belongs to a member of this organization");
        }
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OrganizationView view(Organization organization) {
        return new OrganizationView(organization.id(), organization.name(), organization.createdAt());
    }

    /** A new organization and its first admin; {@code invitation} when the admin was created without a password. */
    public record CreatedOrganization(OrganizationView organization, UserView admin,
            Onboarding.IssuedInvitation invitation) {
    }

    /** A user just created, and their invitation when they were created without a password (else null). */
    public record NewUser(UserView user, Onboarding.IssuedInvitation invitation) {
    }
}
