package com.qteria.identity;

import com.qteria.shared.TenantId;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is calling: the signed-in user, their organization (the tenant every query is scoped to) and role.
 * The same for a browser session and a bearer token. Controllers receive it with {@code @AuthenticationPrincipal}.
 */
public record CurrentUser(UUID id, TenantId tenantId, String email, String name, Role role)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return id.toString();
    }
}
