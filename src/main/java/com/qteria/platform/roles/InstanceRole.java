package com.qteria.platform.roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one Qteria process does: {@code web} serves the UI and API, {@code worker} runs background jobs (document
 * reading, assessments), {@code both} (the default) does both. Given as {@code --role=web} or {@code QTERIA_ROLE}.
 */
public enum InstanceRole {
    BOTH, WEB, WORKER;

    public boolean runsJobs() {
        return this != WEB;
    }

    public static InstanceRole parse(String value) {
        if (value == null || value.isBlank()) {
            return BOTH;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + value + "': use one of "
                    + Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + ".");
        }
    }
}
