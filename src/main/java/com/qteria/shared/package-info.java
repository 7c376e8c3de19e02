/**
 * Ids, the tenant id, the clock and problem details: tiny and free of business logic. Every module may use it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.qteria.shared;

import org.springframework.modulith.ApplicationModule;
