/**
 * Plumbing every module uses and none owns: the database URL, migrations and the {@code db} command; mail settings;
 * the instance's role (web, worker); the job queue and the resubmission of events; web error handling, request ids
 * and the public URL; start-up checks of the settings, log format, the clock and the data directory. No business
 * logic: modules call it, it calls no module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN, allowedDependencies = "shared")
package com.qteria.platform;

import org.springframework.modulith.ApplicationModule;
