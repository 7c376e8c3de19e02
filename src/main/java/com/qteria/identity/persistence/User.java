package com.qteria.identity.persistence;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.identity.UserView;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A member of one organization. Changes go through intention-revealing methods that return the new state. */
@Table("users")
public record User(@Id UUID id, UUID organizationId, String email, String name, Role role, boolean active,
        String passwordHash, Instant createdAt, Instant updatedAt, @Version Long version) {

    public static User create(UUID id, TenantId tenant, String email, String name, Role role, String passwordHash,
            Instant now) {
        return new User(id, tenant.value(), email, name, role, true, passwordHash, now, now, null);
    }

    public User changeRole(Role newRole, Instant now) {
        return new User(id, organizationId, email, name, newRole, active, passwordHash, createdAt, now, version);
    }

    public User rename(String newName, Instant now) {
        return new User(id, organizationId, email, newName, role, active, passwordHash, createdAt, now, version);
    }

    public User activate(boolean newActive, Instant now) {
        return new User(id, organizationId, email, name, role, newActive, passwordHash, createdAt, now, version);
    }

    public User changePassword(String newHash, Instant now) {
        return new User(id, organizationId, email, name, role, active, newHash, createdAt, now, version);
    }

    public TenantId tenantId() {
        return TenantId.of(organizationId);
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, tenantId(), email, name, role);
    }

    public UserView view() {
        return new UserView(id, email, name, role, active, createdAt, updatedAt);
    }
}
