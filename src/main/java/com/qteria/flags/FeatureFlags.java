package com.qteria.flags;

import com.qteria.flags.openfeature.DatabaseFlagProvider;
import com.qteria.flags.persistence.FlagSwitches;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feature flags for the other modules and the flag pages: whether a {@link Feature} is on for a user or an
 * organization (through the OpenFeature client, so that hooks and another provider could be added without touching
 * callers), and the switches as admins and the operator see and change them. Every change is audited
 * ({@link FeatureFlagSwitched}) and drops this instance's cached switches after the commit; other instances follow
 * within {@code qteria.flags.cache-ttl}.
 */
@Service
public class FeatureFlags {

    private final Client client;
    private final DatabaseFlagProvider provider;
    private final FlagSwitches switches;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeatureFlags(OpenFeatureAPI openFeature, DatabaseFlagProvider provider, FlagSwitches switches,
            IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
        this.client = openFeature.getClient();
        this.provider = provider;
        this.switches = switches;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A flag as its organization's admin sees it.
     *
     * @param global       the operator's switch for everyone; null: not switched
     * @param organization the organization's switch; null: not switched
     * @param enabled      what the organization's people get unless switched for them alone
     * @param users        the people of the organization switched for themselves
     */
    public record FlagView(String key, String description, boolean defaultEnabled, Boolean global,
            Boolean organization, boolean enabled, List<UserSwitch> users) {
    }

    /** One person's own switch. */
    public record UserSwitch(UUID userId, String name, String email, boolean enabled) {
    }

    /** A flag as the platform operator sees it: its default and the switch for everyone. */
    public record GlobalFlagView(String key, String description, boolean defaultEnabled, Boolean global,
            boolean enabled) {
    }

    /** Whether {@code feature} is on for this person (their switch, their organization's, the global one, default). */
    public boolean enabled(Feature feature, CurrentUser user) {
        return evaluate(feature, user.tenantId(), user.id());
    }

    /** Whether {@code feature} is on for the organization as such, without a person (a share link's reader). */
    public boolean enabled(Feature feature, TenantId tenant) {
        return evaluate(feature, tenant, null);
    }

    public List<FlagView> organization(TenantId tenant) {
        Switchboard board = provider.switchboard();
        Map<UUID, UserView> people = identity.people(tenant).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return Arrays.stream(Feature.values()).map(feature -> view(feature, tenant, board, people)).toList();
    }

    public List<GlobalFlagView> global() {
        Switchboard board = provider.switchboard();
        return Arrays.stream(Feature.values()).map(feature -> globalView(feature, board)).toList();
    }

    /** Switches a flag on or off for the admin's organization, or back to the global value ({@code enabled} null). */
    @Transactional
    public FlagView switchForOrganization(CurrentUser admin, String key, Boolean enabled) {
        requireAdmin(admin);
        Feature feature = feature(key);
        change(feature, FlagScope.ORGANIZATION, admin.tenantId().value(), admin.tenantId().value(), enabled,
                admin.email(), new FeatureFlagSwitched(admin.tenantId(), admin.email(), feature.key(),
                        FlagScope.ORGANIZATION.key(), null, enabled));
        return view(feature, admin.tenantId());
    }

    /**
     * Switches a flag on or off for one person of the admin's organization, or back to the organization's value
     * ({@code enabled} null). Anyone else's id is 404, as if nobody had it.
     */
    @Transactional
    public FlagView switchForUser(CurrentUser admin, String key, UUID userId, Boolean enabled) {
        requireAdmin(admin);
        Feature feature = feature(key);
        boolean ours = userId != null && identity.people(admin.tenantId()).stream().anyMatch(u -> u.id().equals(userId));
        if (!ours) {
            throw ApiProblem.notFound("User");
        }
        change(feature, FlagScope.USER, userId, admin.tenantId().value(), enabled, admin.email(),
                new FeatureFlagSwitched(admin.tenantId(), admin.email(), feature.key(), FlagScope.USER.key(), userId,
                        enabled));
        return view(feature, admin.tenantId());
    }

    /** The operator switches a flag on or off for everyone, or back to its default ({@code enabled} null). */
    @Transactional
    public GlobalFlagView switchGlobally(String key, Boolean enabled, String actor) {
        Feature feature = feature(key);
        change(feature, FlagScope.GLOBAL, FlagScope.EVERYONE, null, enabled, actor,
                new FeatureFlagSwitched(null, actor, feature.key(), FlagScope.GLOBAL.key(), null, enabled));
        return globalView(feature, switches.all());
    }

    private boolean evaluate(Feature feature, TenantId tenant, UUID user) {
        MutableContext context = new MutableContext(user != null ? user.toString() : tenant.value().toString());
        context.add(DatabaseFlagProvider.ORGANIZATION, tenant.value().toString());
        if (user != null) {
            context.add(DatabaseFlagProvider.USER, user.toString());
        }
        return client.getBooleanValue(feature.key(), feature.defaultEnabled(), context);
    }

    private void change(Feature feature, FlagScope scope, UUID subject, UUID organization, Boolean enabled,
            String actor, FeatureFlagSwitched event) {
        switches.save(feature.key(), scope, subject, organization, enabled, actor, clock.instant());
        events.publishEvent(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    provider.invalidate();
                }
            });
        } else {
            provider.invalidate();
        }
    }

    private FlagView view(Feature feature, TenantId tenant) {
        Map<UUID, UserView> people = identity.people(tenant).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return view(feature, tenant, switches.all(), people);
    }

    private static FlagView view(Feature feature, TenantId tenant, Switchboard board, Map<UUID, UserView> people) {
        String key = feature.key();
        List<UserSwitch> users = board.switches().entrySet().stream()
                .filter(e -> e.getKey().flag().equals(key) && e.getKey().scope() == FlagScope.USER
                        && people.containsKey(e.getKey().subject()))
                .map(e -> {
                    UserView person = people.get(e.getKey().subject());
                    return new UserSwitch(person.id(), person.name(), person.email(), e.getValue());
                })
                .sorted(Comparator.comparing(UserSwitch::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        boolean enabled = board.decide(key, tenant.value(), null).map(Switchboard.Decision::enabled)
                .orElse(feature.defaultEnabled());
        return new FlagView(key, feature.description(), feature.defaultEnabled(),
                board.at(key, FlagScope.GLOBAL, FlagScope.EVERYONE).orElse(null),
                board.at(key, FlagScope.ORGANIZATION, tenant.value()).orElse(null), enabled, users);
    }

    private static GlobalFlagView globalView(Feature feature, Switchboard board) {
        Boolean global = board.at(feature.key(), FlagScope.GLOBAL, FlagScope.EVERYONE).orElse(null);
        return new GlobalFlagView(feature.key(), feature.description(), feature.defaultEnabled(), global,
                global != null ? global : feature.defaultEnabled());
    }

    private static Feature feature(String key) {
        return Feature.byKey(key).orElseThrow(() -> ApiProblem.notFound("Feature flag"));
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ApiProblem(ProblemCode.INSUFFICIENT_PERMISSIONS,
                    "Only admins switch the organization's feature flags.");
        }
    }
}
