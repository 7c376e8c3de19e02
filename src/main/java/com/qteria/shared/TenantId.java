package com.qteria.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The organization a resource belongs to. Every repository query takes one. Serializable because the signed-in
 * {@code CurrentUser} that carries it is stored in the database-backed session.
 */
public record TenantId(UUID value) implements Serializable {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
