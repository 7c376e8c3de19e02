package com.qteria.identity.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The platform operator (QTERIA_OPERATOR_TOKEN): may create organizations and read metrics, and has no tenant role,
 * so every endpoint that touches an organization's data refuses it.
 */
class OperatorAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY = "ROLE_OPERATOR";

    OperatorAuthentication() {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return "operator";
    }
}
