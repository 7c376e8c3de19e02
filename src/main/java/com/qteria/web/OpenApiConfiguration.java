package com.qteria.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: bodies in snake_case as the API speaks them (springdoc models with
 * its own Jackson, so it is told the naming strategy), and bearer tokens as the security scheme.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI qteriaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Qteria API").version("v1")
                        .description("Pre-assessment of certification documents. Contract: API.md."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A qt_ token from POST /api/v1/auth/token or a personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
