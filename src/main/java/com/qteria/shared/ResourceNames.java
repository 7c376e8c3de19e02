package com.qteria.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the ids of a module's resources stand for, for a page that lists resources of every module (the audit trail)
 * without depending on them. Each module implements it for its own resource types, named as in
 * {@link AuditableEvent#resourceType()}; the page collects every implementation.
 */
public interface ResourceNames {

    /** The resource types this module names, such as {@code workflow}. */
    Set<String> resourceTypes();

    /**
     * The organization's resources of {@code type} among {@code ids}, in one query (or a fixed few), never one per id.
     * Ids that name nothing (deleted, another organization's, not an id at all) are left out of the answer.
     */
    Map<String, ResourceName> names(TenantId tenant, String type, Collection<String> ids);

    /** A resource's name as people know it, and the path of its page ({@code null} when it has none). */
    record ResourceName(String name, String path) {

        public ResourceName {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The ids that are UUIDs, as UUIDs; anything else names nothing. */
    static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().filter(Objects::nonNull).<UUID>mapMulti((id, found) -> {
            try {
                found.accept(UUID.fromString(id));
            } catch (IllegalArgumentException notAnId) {
                // names nothing
            }
        }).distinct().toList();
    }
}
