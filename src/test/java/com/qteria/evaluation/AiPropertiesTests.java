package com.qteria.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code qteria.ai.*} as the shipped {@code application.yml} and the environment variables set it; wrong values stop the start. */
class AiPropertiesTests {

    @EnableConfigurationProperties(AiProperties.class)
    static class Configuration {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Configuration.class)
            .withInitializer(context -> applicationYml().forEach(context.getEnvironment().getPropertySources()::addLast));

    @Test
    void bindsTheShippedDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AiProperties ai = context.getBean(AiProperties.class);
            assertThat(ai.provider()).isEqualTo("none");
            assertThat(ai.anthropic().model()).isEqualTo("claude-sonnet-5-5");
            assertThat(ai.openai().baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(ai.timeout()).isEqualTo(Duration.ofSeconds(300));
            assertThat(ai.maxOutputTokens()).isEqualTo(8192);
            assertThat(ai.batchSize()).isEqualTo(10);
            assertThat(ai.contextBudgetTokens()).isEqualTo(20_000);
            assertThat(ai.maxAttempts()).isEqualTo(4);
            assertThat(ai.backoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(ai.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
            assertThat(ai.maxConcurrentCalls()).isEqualTo(4);
            assertThat(ai.requestsPerMinute()).isEqualTo(50);
            assertThat(ai.outageDeadline()).isEqualTo(Duration.ofMinutes(10));
            assertThat(ai.anthropic().structuredOutput()).isEqualTo("json-schema");
            assertThat(ai.openai().structuredOutput()).isEqualTo("json-schema");
            ModelPrice sonnet = ai.prices().get("claude-sonnet-5-5").price();
            assertThat(sonnet.input()).isEqualByComparingTo("2.00");
            assertThat(sonnet.output()).isEqualByComparingTo("10.00");
            assertThat(sonnet.cacheWrite()).isEqualByComparingTo("2.50");
            assertThat(sonnet.cacheRead()).isEqualByComparingTo("0.20");
        });
    }

    @Test
    void takesTheDocumentedEnvironmentVariables() {
        runner.withSystemProperties("QTERIA_AI_PROVIDER=anthropic", "ANTHROPIC_API_KEY=sk-ant-x",
                        "ANTHROPIC_BASE_URL=http://gateway", "QTERIA_ANTHROPIC_MODEL=claude-x",
                        "QTERIA_ANTHROPIC_EFFORT=low", "QTERIA_OPENAI_API_KEY=sk-o", "QTERIA_OPENAI_BASE_URL=http://o/v1",
                        "QTERIA_OPENAI_MODEL=qwen", "QTERIA_AI_TIMEOUT=90s", "QTERIA_AI_MAX_OUTPUT_TOKENS=4096",
                        "QTERIA_AI_BATCH_SIZE=5", "QTERIA_AI_CONTEXT_BUDGET=30000", "QTERIA_AI_MAX_CONCURRENT=2",
                        "QTERIA_AI_REQUESTS_PER_MINUTE=20", "QTERIA_AI_OUTAGE_DEADLINE=3m",
                        "QTERIA_ANTHROPIC_STRUCTURED_OUTPUT=none", "QTERIA_OPENAI_STRUCTURED_OUTPUT=json-object")
                .run(context -> {
                    AiProperties ai = context.getBean(AiProperties.class);
                    assertThat(ai.provider()).isEqualTo("anthropic");
                    assertThat(ai.anthropic()).isEqualTo(new AiProperties.Provider("sk-ant-x", "http://gateway",
                            "claude-x", "low", "none"));
                    assertThat(ai.openai().structuredOutput()).isEqualTo("json-object");
                    assertThat(ai.outageDeadline()).isEqualTo(Duration.ofMinutes(3));
                    assertThat(ai.openai().apiKey()).isEqualTo("sk-o");
                    assertThat(ai.openai().baseUrl()).isEqualTo("http://o/v1");
                    assertThat(ai.openai().model()).isEqualTo("qwen");
                    assertThat(ai.timeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(ai.maxOutputTokens()).isEqualTo(4096);
                    assertThat(ai.batchSize()).isEqualTo(5);
                    assertThat(ai.contextBudgetTokens()).isEqualTo(30_000);
                    assertThat(ai.maxConcurrentCalls()).isEqualTo(2);
                    assertThat(ai.requestsPerMinute()).isEqualTo(20);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"qteria.ai.provider=claude", "qteria.ai.batch-size=0", "qteria.ai.max-attempts=-1",
            "qteria.ai.max-concurrent-calls=0", "qteria.ai.requests-per-minute=0", "qteria.ai.max-output-tokens=100",
            "qteria.ai.context-budget-tokens=999", "qteria.ai.timeout=0s", "qteria.ai.backoff=-1s",
            "qteria.ai.prices.[claude-x].input=-1", "qteria.ai.openai.base-url=localhost:11434/v1",
            "qteria.ai.anthropic.base-url=gateway.internal", "qteria.ai.outage-deadline=-1s",
            "qteria.ai.openai.structured-output=xml"})
    void aWrongValueStopsTheStart(String setting) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class);
        });
    }

    @Test
    void theCommandBindsAndValidatesTheSameWay() {
        StandardEnvironment environment = new StandardEnvironment();
        applicationYml().forEach(environment.getPropertySources()::addLast);

        assertThat(AiProperties.bind(environment).batchSize()).isEqualTo(10);

        environment.getPropertySources().addFirst(new MapPropertySource("wrong", Map.of("qteria.ai.batch-size", "0")));
        assertThat(AiProperties.bind(environment).batchSize()).as("no provider: the command uses no AI setting")
                .isZero();
        environment.getPropertySources().addFirst(new MapPropertySource("provider",
                Map.of("qteria.ai.provider", "anthropic")));
        assertThatThrownBy(() -> AiProperties.bind(environment)).hasRootCauseInstanceOf(BindValidationException.class);
    }

    private static java.util.List<org.springframework.core.env.PropertySource<?>> applicationYml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
