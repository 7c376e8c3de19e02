package com.qteria.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * English and German: the browser's language first, switchable with {@code ?lang=de} (kept in a cookie). The switch
 * is a filter ahead of Spring Security rather than an MVC interceptor, so that {@code ?lang=de} on a page that first
 * redirects (to the sign-in page or the one-time setup) still applies; languages other than these two are ignored.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("qteria-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocale().getLanguage()).orElse(Locale.ENGLISH));
        return resolver;
    }

    @Bean
    FilterRegistrationBean<LanguageSwitch> languageSwitch(LocaleResolver localeResolver) {
        FilterRegistrationBean<LanguageSwitch> registration = new FilterRegistrationBean<>(new LanguageSwitch(localeResolver));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    static Optional<Locale> supported(String language) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(language)).findFirst();
    }

    /** Applies {@code ?lang=en|de} of a GET request and remembers it. */
    static class LanguageSwitch extends OncePerRequestFilter {

        private final LocaleResolver localeResolver;

        LanguageSwitch(LocaleResolver localeResolver) {
            this.localeResolver = localeResolver;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
                String lang = request.getParameter("lang");
                if (lang != null) {
                    supported(lang).ifPresent(locale -> localeResolver.setLocale(request, response, locale));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
