package com.qteria.support;

import com.qteria.flags.Feature;
import com.qteria.flags.FeatureFlags;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.security.Tokens;
import com.qteria.shared.TenantId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * Creates organizations, users and bearer tokens directly through the application's services, for tests that are
 * about something else than creating them. Every name is unique, so tests sharing a context do not collide.
 */
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ApplicationContext context;

    TestData(ApplicationContext context) {
        this.context = context;
    }

    /** A new organization with its admin; the admin's password is {@link #PASSWORD}. */
    public Tenant newTenant() {
        String suffix = unique();
        Accounts.CreatedOrganization created = accounts().createOrganization("Org " + suffix,
                "admin-" + suffix + "@example.com", "Admin " + suffix, PASSWORD, "test");
        UserView admin = created.admin();
        CurrentUser current = new CurrentUser(admin.id(), TenantId.of(created.organization().id()), admin.email(),
                admin.name(), admin.role());
        return new Tenant(this, current.tenantId(), current);
    }

    public CurrentUser newUser(Tenant tenant, Role role) {
        String suffix = unique();
        UserView user = accounts().createUser(tenant.admin(), role.key() + "-" + suffix + "@example.com",
                "User " + suffix, role, PASSWORD);
        return new CurrentUser(user.id(), tenant.id(), user.email(), user.name(), user.role());
    }

    /** Switches {@code feature} on for the organization, as its admin would (a pilot organization). */
    public void enable(Tenant tenant, Feature feature) {
        context.getBean(FeatureFlags.class).switchForOrganization(tenant.admin(), feature.key(), true);
    }

    public String tokenFor(CurrentUser user) {
        return context.getBean(Tokens.class).issueSignInToken(user).value();
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8) + COUNTER.incrementAndGet();
    }

    private Accounts accounts() {
        return context.getBean(Accounts.class);
    }

    public record Tenant(TestData data, TenantId id, CurrentUser admin) {

        public String adminToken() {
            return data.tokenFor(admin);
        }

        public CurrentUser user(Role role) {
            return data.newUser(this, role);
        }

        public String tokenOf(Role role) {
            return data.tokenFor(user(role));
        }

        /** This organization with {@code feature} switched on for it; itself, for chaining. */
        public Tenant with(Feature feature) {
            data.enable(this, feature);
            return this;
        }

        public UUID uuid() {
            return id.value();
        }
    }
}
