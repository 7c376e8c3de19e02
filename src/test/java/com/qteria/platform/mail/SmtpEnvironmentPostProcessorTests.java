package com.qteria.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class SmtpEnvironmentPostProcessorTests {

    private final SmtpEnvironmentPostProcessor processor = new SmtpEnvironmentPostProcessor();

    @Test
    void withoutAHostNothingIsConfigured() {
        MockEnvironment environment = new MockEnvironment().withProperty("QTERIA_SMTP_HOST", " ")
                .withProperty("QTERIA_SMTP_USERNAME", "someone");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.containsProperty("spring.mail.host")).isFalse();
        assertThat(environment.containsProperty("spring.mail.username")).isFalse();
    }

    @Test
    void aHostConfiguresSpringMailWithPort587ByDefault() {
        MockEnvironment environment = new MockEnvironment().withProperty("QTERIA_SMTP_HOST", "smtp.example.com")
                .withProperty("QTERIA_SMTP_USERNAME", "qteria").withProperty("QTERIA_SMTP_PASSWORD", "secret");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
        assertThat(environment.getProperty("spring.mail.port")).isEqualTo("587");
        assertThat(environment.getProperty("spring.mail.username")).isEqualTo("qteria");
        assertThat(environment.getProperty("spring.mail.password")).isEqualTo("secret");
        assertThat(environment.getProperty("spring.mail.properties.mail.smtp.auth")).isEqualTo("true");
        assertThat(environment.containsProperty("spring.mail.ssl.enabled")).isFalse();
    }

    @Test
    void explicitSpringMailPropertiesWin() {
        MockEnvironment environment = new MockEnvironment().withProperty("QTERIA_SMTP_HOST", "smtp.example.com")
                .withProperty("QTERIA_SMTP_PORT", "2525").withProperty("QTERIA_SMTP_SSL", "true")
                .withProperty("spring.mail.port", "465");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.mail.port")).isEqualTo("465");
        assertThat(environment.getProperty("spring.mail.ssl.enabled")).isEqualTo("true");
    }
}
