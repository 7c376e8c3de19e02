package com.qteria.identity.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The role check comes first, whatever the input (API.md: 403 for a role that may not act, before any 400 or 422).
 * Method security checks an endpoint's {@code @PreAuthorize} only once its arguments are read, so a project handler
 * sending a malformed body to an admin endpoint learnt about the body, not the role. This interceptor evaluates the
 * same annotation — still the one place that says who may call an endpoint — before the request body is read. Role
 * rules only: the expressions do not look at arguments (they are not known yet).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RolesBeforeInput implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    RolesBeforeInput(MethodSecurityExpressionHandler expressions) {
        rules.setExpressionHandler(expressions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // Async (event streams) and error dispatches continue a request that was checked already.
                if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method) {
                    check(method);
                }
                return true;
            }
        });
    }

    private void check(HandlerMethod handler) {
        AuthorizationResult result = rules.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(handler.getBean(), handler.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
    }
}
