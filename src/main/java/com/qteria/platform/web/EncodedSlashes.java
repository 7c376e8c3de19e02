package com.qteria.platform.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A path with an encoded slash or other suspicious encoding ({@code /api/v1/documents/..%2f..}) is refused with 400 in
 * the product's own words — problem details for the API, the error page for people — instead of Tomcat's HTML page:
 * Tomcat passes the encoded slash through undecoded (so it can never become a path separator), and Spring Security's
 * firewall refuses the request, as it refuses {@code ..} segments and other encodings it does not allow.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }
}
