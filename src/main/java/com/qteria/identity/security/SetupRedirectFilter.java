package com.qteria.identity.security;

import com.qteria.identity.accounts.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** While nobody has an account yet, every page leads to the one-time setup. */
class SetupRedirectFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    SetupRedirectFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && isPage(request.getRequestURI()) && accounts.setupRequired()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(String uri) {
        return !(uri.startsWith("/setup") || uri.startsWith("/css/") || uri.startsWith("/js/")
                || uri.startsWith("/img/") || uri.startsWith("/webjars/") || uri.startsWith("/error")
                || uri.startsWith("/health") || uri.startsWith("/v3/") || uri.startsWith("/swagger-ui")
                || uri.equals("/favicon.ico"));
    }
}
