/**
 * Feature flags: features declared in code ({@link com.qteria.flags.Feature}, each with a default), switched in the
 * database globally (the platform operator), per organization and per user (the organization's admins), evaluated
 * through the OpenFeature API by a database-backed provider with the precedence user, organization, global, default.
 * Other modules ask {@link com.qteria.flags.FeatureFlags#enabled}; every switch is audited.
 */
@ApplicationModule(displayName = "Feature flags", allowedDependencies = {"identity", "shared", "platform"})
package com.qteria.flags;

import org.springframework.modulith.ApplicationModule;
