/**
 * The page shell: layout, navigation, dashboard, language, error pages and the operational endpoints
 * ({@code /api/version}, health of the data directory). No business logic.
 */
@ApplicationModule(displayName = "Web")
package com.qteria.web;

import org.springframework.modulith.ApplicationModule;
