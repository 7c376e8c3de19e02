package com.qteria.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A user signed in to the pages or holding a bearer token, without a database: for {@link WebSlice} tests. */
public final class SignedIn {

    private SignedIn() {
    }

    /** A user of the given role and name in an organization of their own. */
    public static CurrentUser user(Role role, String name) {
        return new CurrentUser(UUID.randomUUID(), TenantId.of(UUID.randomUUID()),
                role.key().replace('_', '.') + "@example.com", name, role);
    }

    /** The request made by this user, with the authority of their role as sign-in grants it. */
    public static RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }
}
