package com.qteria.flags;

import java.util.UUID;

/** Where a switch applies, narrowest first in precedence: a user, an organization, everyone. */
public enum FlagScope {
    USER, ORGANIZATION, GLOBAL;

    /** The subject of global switches, which have none (the column is not nullable so that it stays unique). */
    public static final UUID EVERYONE = new UUID(0, 0);

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FlagScope of(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
