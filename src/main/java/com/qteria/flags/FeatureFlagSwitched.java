package com.qteria.flags;

import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Someone switched a feature flag: an admin for their organization or one of its users, the operator for everyone
 * (then {@code tenantId} is null and the entry joins the platform's chain).
 *
 * @param scope   {@code global}, {@code organization} or {@code user}
 * @param userId  the user switched (scope user), else null
 * @param enabled on, off, or null: back to the wider scope's value
 */
public record FeatureFlagSwitched(TenantId tenantId, String actor, String flag, String scope, UUID userId,
        Boolean enabled) implements AuditableEvent {

    public String action() {
        return "feature_flag.switched";
    }

    public String resourceType() {
        return "feature_flag";
    }

    public String resourceId() {
        return flag;
    }

    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", flag);
        details.put("scope", scope);
        if (userId != null) {
            details.put("user_id", userId.toString());
        }
        details.put("enabled", enabled == null ? "default" : enabled ? "on" : "off");
        return details;
    }
}
