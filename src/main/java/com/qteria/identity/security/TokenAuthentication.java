package com.qteria.identity.security;

import com.qteria.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a bearer token; remembers which token, so that it can be revoked. */
public class TokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final UUID tokenId;

    TokenAuthentication(CurrentUser user, UUID tokenId) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}
