/**
 * The kernel: the tenant id, ids, paging, problem details and the auditable event. Tiny, free of business logic and
 * of Spring plumbing (that is {@code platform}); every module may use it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.qteria.shared;

import org.springframework.modulith.ApplicationModule;
