/**
 * Organizations, users, roles, sign-in (form and bearer tokens), personal access tokens and the current tenant.
 * Other modules learn who is calling through {@link com.qteria.identity.CurrentUser}.
 */
@ApplicationModule(displayName = "Identity")
package com.qteria.identity;

import org.springframework.modulith.ApplicationModule;
