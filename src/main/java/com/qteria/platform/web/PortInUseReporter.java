package com.qteria.platform.web;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * A port already in use is an operator's everyday mistake: it ends the start with one plain line on standard error
 * (whatever the log format), instead of Spring Boot's report inside a JSON log line. Other failures go on to Spring
 * Boot's failure analyzers. Registered in META-INF/spring.factories, ahead of them.
 */
class PortInUseReporter implements SpringBootExceptionReporter, Ordered {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException portInUse) {
                System.err.println(line(portInUse.getPort()));
                return true;
            }
        }
        return false;
    }

    static String line(int port) {
        return "Port " + port + " is already in use. Stop the other process or set PORT.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
