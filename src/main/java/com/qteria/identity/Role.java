package com.qteria.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do in their organization. Each role includes the ones below it:
 * admin → process manager → project handler.
 */
public enum Role {
    ADMIN,
    PROCESS_MANAGER,
    PROJECT_HANDLER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromKey(String key) {
        return Arrays.stream(values())
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role: " + key));
    }
}
