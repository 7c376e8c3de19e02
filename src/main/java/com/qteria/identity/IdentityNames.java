package com.qteria.identity;

import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.persistence.AccessToken;
import com.qteria.identity.persistence.AccessTokens;
import com.qteria.shared.ResourceNames;
import com.qteria.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Users by name (linked to the users page), the organization by its name, and access tokens by their name or, for
 * unnamed sign-in tokens, by their owner's name.
 */
@Component
class IdentityNames implements ResourceNames {

    private final Accounts accounts;
    private final AccessTokens tokens;

    IdentityNames(Accounts accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("user", "organization", "token");
    }

    @Override
    public Map<String, ResourceName> names(TenantId tenant, String type, Collection<String> ids) {
        List<UUID> wanted = ResourceNames.uuids(ids);
        return switch (type) {
            case "user" -> accounts.names(tenant, wanted).entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toString(), e -> new ResourceName(e.getValue(), "/admin/users")));
            case "organization" -> wanted.contains(tenant.value())
                    ? Map.of(tenant.toString(), new ResourceName(accounts.organization(tenant).name(), null))
                    : Map.of();
            case "token" -> tokens(tenant, wanted);
            default -> Map.of();
        };
    }

    private Map<String, ResourceName> tokens(TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<AccessToken> found = tokens.findAllInTenant(tenant.value(), ids);
        Map<UUID, String> owners = accounts.names(tenant, found.stream().map(AccessToken::userId).distinct().toList());
        return found.stream().collect(Collectors.toMap(t -> t.id().toString(), t -> new ResourceName(
                t.name() != null ? t.name() : owners.getOrDefault(t.userId(), t.kind().name().toLowerCase(java.util.Locale.ROOT)), null)));
    }
}
