package com.qteria.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the operator, once, where the started instance answers: the port actually served and the public URL. */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final PublicUrl publicUrl;
    private final Environment environment;

    ReadyLine(PublicUrl publicUrl, Environment environment) {
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info(text(environment.getProperty("local.server.port"), publicUrl));
    }

    static String text(String port, PublicUrl publicUrl) {
        String local = "Qteria is ready at http://localhost:" + port;
        return publicUrl.configured().map(url -> local + " (public URL " + url + ").").orElse(local + ".");
    }
}
