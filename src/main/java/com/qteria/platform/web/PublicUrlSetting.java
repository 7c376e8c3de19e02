package com.qteria.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach Qteria, as configured.
 *
 * @param publicUrl How people reach Qteria; links in e-mails (invitations, assessment results) start with it.
 *                  Empty: http://localhost and the port served. Environment variable: QTERIA_PUBLIC_URL.
 */
@ConfigurationProperties("qteria")
public record PublicUrlSetting(String publicUrl) {

    public PublicUrlSetting {
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }
}
