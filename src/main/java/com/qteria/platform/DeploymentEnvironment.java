package com.qteria.platform;

import java.util.Locale;

/**
 * Which installation an instance belongs to ({@code ENVIRONMENT}): staging and production run the same image with
 * their own configuration, and everything an operator or a user sees says which one it is — every log line and
 * metric carries it, {@code /api/version} returns it, and every page outside production shows a banner, so that
 * nobody mistakes staging for the real thing.
 */
public enum DeploymentEnvironment {
    DEVELOPMENT, STAGING, PRODUCTION;

    /** The lower-case name, as set in {@code ENVIRONMENT} and shown in logs, metrics and {@code /api/version}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean production() {
        return this == PRODUCTION;
    }
}
