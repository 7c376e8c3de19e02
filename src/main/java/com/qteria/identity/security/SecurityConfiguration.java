package com.qteria.identity.security;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityEvent;
import com.qteria.identity.IdentityProperties;
import com.qteria.identity.accounts.Accounts;
import com.qteria.shared.ProblemCode;
import com.qteria.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless and takes bearer tokens; the pages
 * use form sign-in with sessions in the database and CSRF on every form. Role checks are {@code @PreAuthorize} on
 * the endpoints, with admin ⊃ process manager ⊃ project handler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("PROCESS_MANAGER")
                .role("PROCESS_MANAGER").implies("PROJECT_HANDLER")
                .build();
    }

    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler(RoleHierarchy roleHierarchy) {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setRoleHierarchy(roleHierarchy);
        return handler;
    }

    /**
     * No Micrometer observations around each security filter, authentication and authorization: they were the larger
     * part of a bearer call's CPU (bench/api). Requests stay measured as a whole ({@code http.server.requests}), and
     * sign-ins and refusals are in the audit log.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, ProblemResponses problems,
            IdentityProperties settings) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/health")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .addFilterBefore(new BearerTokenFilter(tokens, problems, settings.operatorToken()),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new UserLoggingContextFilter(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // An async dispatch (Server-Sent Events) continues a request that was authorized already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/version").permitAll()
                        .requestMatchers("/health", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(OperatorAuthentication.AUTHORITY)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                ProblemCode.UNAUTHENTICATED, "Send a valid bearer token.", null))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ProblemCode.INSUFFICIENT_PERMISSIONS, "Your role does not allow this action.", null)))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Accounts accounts, ApplicationEventPublisher events) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/s/**").permitAll()
                        .requestMatchers("/login", "/setup", "/invitations/*", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/health", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(savedRequests()))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(signInFailure()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler(auditSignOut(events))
                        .logoutSuccessUrl("/login?signed-out"))
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfiguration::deniedPage))
                .addFilterBefore(new SetupRedirectFilter(accounts), org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new UserLoggingContextFilter(), AnonymousAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** Returns to the page asked for before signing in, without Spring Security's {@code ?continue} marker. */
    private static HttpSessionRequestCache savedRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> {
            String target = exception instanceof SignInThrottledException throttled
                    ? "/login?throttled=" + throttled.retryAfter().toSeconds()
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** The 403 page; keeps the reason for it, so the page can tell an expired form (CSRF) from a missing role. */
    private static void deniedPage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private static LogoutHandler auditSignOut(ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                events.publishEvent(new IdentityEvent.SignedOut(user.tenantId(), user.email(), user.id(), "form"));
            }
        };
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults());
    }

    /** CORS for the API only, limited to {@code ALLOWED_ORIGINS} (comma-separated); none by default. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = settings.allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "Range"));
            cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "Content-Disposition"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
