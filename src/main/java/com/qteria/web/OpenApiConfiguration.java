package com.qteria.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.qteria.shared.Paging;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: bodies in snake_case as the API speaks them (springdoc models with
 * its own Jackson, so it is told the naming strategy), bearer tokens as the security scheme, and the problem details
 * every operation can answer ({@link ProblemDocumentation}) and the parameters that mean the same everywhere
 * ({@link ParameterDocumentation}). Summaries, tags and the errors particular to an operation
 * are annotated on the controllers. Redocly CLI's recommended rules check the result (OpenApiLintTests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
    }

    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI qteriaOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return new OpenAPI()
                .info(new Info().title("Qteria API").version(version).description("""
                        Pre-assessment of certification documents: upload documents, check them against a workflow's \
                        criteria, and read the results with their evidence.

                        Bodies are JSON in snake_case; ids are UUIDs; times are ISO-8601 UTC. Lists take `page` and \
                        `size` and answer `{items, page}`. Every error is an RFC 9457 problem detail \
                        (`application/problem+json`) with a stable `code` and the `request_id` of the \
                        `X-Request-Id` header. A resource of another organization is answered like one that does not \
                        exist: 404."""))
                .addServersItem(new Server().url("/").description("The server that serves this description"))
                .components(ProblemDocumentation.addTo(new Components()).addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("qt_…")
                                .description("A qt_ token from POST /api/v1/auth/token or a personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> ProblemDocumentation.addTo(ParameterDocumentation.addTo(operation, handler),
                handler);
    }
}
