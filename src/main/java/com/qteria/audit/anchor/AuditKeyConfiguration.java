package com.qteria.audit.anchor;

import com.qteria.platform.DataDirectory;
import com.qteria.platform.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The audit key from {@code qteria.audit.key}; without one, the key generated once into the data directory (on first
 * use) — fine for one machine, refused with S3 storage, where several instances run and must all seal with the same
 * key.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);
    static final String SETTING = "qteria.audit.key (QTERIA_AUDIT_KEY)";

    @Bean
    AuditKey auditKey(AuditProperties properties, DataDirectory dataDirectory, Environment environment) {
        if (StringUtils.hasText(properties.key())) {
            return AuditKey.fromBase64(properties.key(), SETTING);
        }
        if ("s3".equalsIgnoreCase(environment.getProperty("qteria.storage.type", "local").strip())) {
            throw new IllegalStateException("Set " + SETTING + " when documents are stored in S3: every instance must "
                    + "seal the audit chain with the same key (generate one with: openssl rand -base64 32)");
        }
        SecretFile file = SecretFile.in(dataDirectory, "audit.key");
        return AuditKey.lazily(() -> generated(file));
    }

    private static AuditKey generated(SecretFile file) {
        try {
            if (file.read().isEmpty()) {
                log.warn("No audit key configured: generated one into {}. Set {} in production and keep it outside "
                        + "the database's backups; see docs/security.md.", file.file(), SETTING);
            }
            return AuditKey.fromBase64(file.createOnce(AuditKey::generateBase64), "the key file " + file.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key in " + file.file(), e);
        }
    }
}
