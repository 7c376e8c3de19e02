package com.qteria.support;

import com.qteria.identity.IdentityProperties;
import com.qteria.identity.accounts.Accounts;
import com.qteria.identity.security.Tokens;
import com.qteria.platform.EnvironmentSetting;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the named controllers with Spring MVC, Thymeleaf, the messages and MockMvc, but no database, worker
 * or module services (mock what the controller calls with {@code @MockitoBean}). Beyond what {@code @WebMvcTest}
 * picks up by itself (controller advice, filters, {@code WebMvcConfigurer}s), the slice takes the application's own
 * web infrastructure, so that answers look as they do in the whole application: both security filter chains with
 * the role hierarchy and {@code @PreAuthorize} ({@code SecurityConfiguration}, whose account and token look-ups are
 * mocked: no account is missing, no bearer token is known; its settings from application.yml), the language switch and locale resolver
 * ({@code LocaleConfiguration}) and the problem details ({@code ProblemResponses}), and the
 * installation's environment for the layout's banner ({@code EnvironmentSetting}). They are named by pattern as
 * they are package-private.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "com\\.qteria\\.identity\\.security\\.SecurityConfiguration",
        "com\\.qteria\\.web\\.LocaleConfiguration",
        "com\\.qteria\\.platform\\.web\\.ProblemResponses"}))
@EnableConfigurationProperties({IdentityProperties.class, EnvironmentSetting.class})
@MockitoBean(types = {Accounts.class, Tokens.class})
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
