package com.qteria.audit.web;

import com.qteria.audit.AuditEntry;
import com.qteria.identity.IdentityManagement;
import com.qteria.identity.UserView;
import com.qteria.shared.ResourceNames;
import com.qteria.shared.ResourceNames.ResourceName;
import com.qteria.shared.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Says who and what audit entries are about by name: the actor by the person's name (their e-mail is what the entry
 * records), the resource by what its module calls it ({@link ResourceNames}, one query per type for a whole page).
 * A resource that no longer exists keeps the name its entry recorded at the time, if any.
 */
@Component
class AuditNames {

    /** Where events record a resource's name at the time, most telling first. */
    private static final List<String> RECORDED_NAMES = List.of("name", "filename", "reference", "email");

    private final Map<String, ResourceNames> modules;
    private final IdentityManagement identity;
    private final JsonMapper json;

    AuditNames(List<ResourceNames> modules, IdentityManagement identity, JsonMapper json) {
        this.modules = new HashMap<>();
        modules.forEach(module -> module.resourceTypes().forEach(type -> this.modules.put(type, module)));
        this.identity = identity;
        this.json = json;
    }

    /** The organization's people by e-mail, for naming actors; deactivated people too. */
    Map<String, UserView> people(TenantId tenant) {
        return identity.people(tenant).stream()
                .collect(Collectors.toMap(p -> p.email().toLowerCase(Locale.ROOT), p -> p, (a, b) -> a));
    }

    /** The entries with names, in their order. */
    List<AuditRow> rows(TenantId tenant, List<AuditEntry> entries, Map<String, UserView> people) {
        Map<String, Map<String, ResourceName>> resolved = entries.stream()
                .filter(e -> e.resourceType() != null && e.resourceId() != null)
                .collect(Collectors.groupingBy(AuditEntry::resourceType,
                        Collectors.mapping(AuditEntry::resourceId, Collectors.toSet())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> resolve(tenant, e.getKey(), e.getValue())));
        return entries.stream().map(entry -> row(entry, resolved, people)).toList();
    }

    private Map<String, ResourceName> resolve(TenantId tenant, String type, Collection<String> ids) {
        ResourceNames module = modules.get(type);
        return module == null ? Map.of() : module.names(tenant, type, ids);
    }

    private AuditRow row(AuditEntry entry, Map<String, Map<String, ResourceName>> resolved,
            Map<String, UserView> people) {
        Map<String, Object> details = details(entry.details());
        UserView actor = entry.actor() == null ? null : people.get(entry.actor().toLowerCase(Locale.ROOT));
        ResourceName name = entry.resourceId() == null ? null
                : resolved.getOrDefault(entry.resourceType(), Map.of()).get(entry.resourceId());
        if (name == null && entry.resourceId() != null) {
            name = RECORDED_NAMES.stream().map(details::get).filter(String.class::isInstance).map(String.class::cast)
                    .filter(s -> !s.isBlank()).findFirst().map(recorded -> new ResourceName(recorded, null))
                    .orElse(null);
        }
        return new AuditRow(entry, details, actor == null ? null : actor.name(), name);
    }

    /** An entry's details as recorded (a JSON object). */
    Map<String, Object> details(String text) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return Map.of();
        }
        return json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * An entry as the page and the export show it. {@code actorName} is null when the actor is no person of the
     * organization (system, anonymous, an unknown e-mail); {@code resource} is null when the entry concerns nothing
     * or what it concerned is gone without a recorded name.
     */
    record AuditRow(AuditEntry entry, Map<String, Object> details, String actorName, ResourceName resource) {

        /** Concerns a resource that is gone and left no name. */
        public boolean resourceGone() {
            return entry.resourceId() != null && resource == null;
        }
    }
}
