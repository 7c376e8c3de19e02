package com.qteria.identity.security;

import com.qteria.shared.ProblemCode;
import com.qteria.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer …}: the operator token, or a user's {@code qt_} token. A bearer that is not
 * valid ends the request with 401 at once; a request without one goes on anonymous (and the rules decide).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;
    private final ProblemResponses problems;
    private final byte[] operatorToken;

    BearerTokenFilter(Tokens tokens, ProblemResponses problems, String operatorToken) {
        this.tokens = tokens;
        this.problems = problems;
        this.operatorToken = StringUtils.hasText(operatorToken) ? operatorToken.getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String bearer = header.substring(7).trim();
        if (isOperator(bearer)) {
            SecurityContextHolder.getContext().setAuthentication(new OperatorAuthentication());
            chain.doFilter(request, response);
            return;
        }
        Optional<Tokens.Resolved> resolved = tokens.resolve(bearer);
        if (resolved.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, ProblemCode.UNAUTHENTICATED,
                    "The bearer token is invalid, expired or revoked. Request a new one.", null);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                new TokenAuthentication(resolved.get().user(), resolved.get().tokenId()));
        chain.doFilter(request, response);
    }

    private boolean isOperator(String bearer) {
        return operatorToken != null
                && MessageDigest.isEqual(operatorToken, bearer.getBytes(StandardCharsets.UTF_8));
    }
}
