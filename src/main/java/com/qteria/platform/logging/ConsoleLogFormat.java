package com.qteria.platform.logging;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Console logs for whoever reads them: plain text when a person watches a terminal, JSON lines (Logstash layout) for
 * log collectors otherwise. QTERIA_LOG_FORMAT, when set, decides alone ({@code logstash}, {@code ecs}, {@code gelf},
 * or empty for plain text), and so does {@code --logging.structured.format.console=…}. Runs before the logging
 * system starts.
 */
class ConsoleLogFormat implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "QTERIA_LOG_FORMAT";
    static final String PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var commandLine = environment.getPropertySources().get("commandLineArgs");
        boolean chosen = environment.containsProperty(VARIABLE)
                || commandLine != null && commandLine.containsProperty(PROPERTY);
        if (!chosen && onTerminal()) {
            environment.getPropertySources().addFirst(new MapPropertySource("qteriaConsoleLogFormat",
                    Map.of(PROPERTY, "")));
        }
    }

    /**
     * Java 21 has a console only for a terminal; Java 22+ has one for redirected streams too and says which by
     * {@code Console.isTerminal()}, called by reflection because Qteria compiles for Java 21.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
