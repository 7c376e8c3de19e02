package com.qteria.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/** The build describes Qteria's settings for IDEs: every qteria.* property of the settings records, with a text. */
class SettingsMetadataTests {

    @Test
    void theSettingsRecordsAreDescribedInTheConfigurationMetadata() throws IOException {
        String json = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"),
                StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> properties = (List<Map<String, Object>>) JsonParserFactory.getJsonParser()
                .parseMap(json).get("properties");
        Map<String, String> descriptions = properties.stream().collect(Collectors.toMap(
                property -> (String) property.get("name"),
                property -> (String) property.getOrDefault("description", "")));

        assertThat(descriptions).containsKeys("qteria.environment", "qteria.data-dir", "qteria.public-url", "qteria.operator-token",
                "qteria.allowed-origins", "qteria.mail.from", "qteria.bootstrap.organization",
                "qteria.bootstrap.admin-email", "qteria.bootstrap.admin-password", "qteria.auth.access-token-ttl",
                "qteria.auth.invitation-ttl", "qteria.auth.login-limit-per-email", "qteria.auth.login-window-per-email",
                "qteria.auth.login-limit-per-ip", "qteria.auth.login-window-per-ip", "qteria.extraction.max-pages",
                "qteria.extraction.timeout", "qteria.extraction.per-organization", "qteria.extraction.max-page-characters",
                "qteria.extraction.max-document-characters", "qteria.extraction.max-unpacked-mb", "qteria.storage.type", "qteria.storage.master-keys",
                "qteria.storage.s3.endpoint", "qteria.storage.s3.region", "qteria.storage.s3.bucket",
                "qteria.storage.s3.path-style", "qteria.storage.s3.access-key", "qteria.storage.s3.secret-key");
        assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name)
                .isNotBlank().endsWith("."));
    }
}
