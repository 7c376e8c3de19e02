package com.qteria.platform.settings;

import jakarta.validation.Constraint;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting that stops the start — a value that cannot be read as its type, or one that breaks a constraint of a
 * settings record — explained in one plain line naming what the operator set: the environment variable that
 * application.yml maps to the property ({@code max-pages: ${QTERIA_MAX_PAGES:2000}}), its value, what is allowed and
 * the default. A value set another way is named by its property and origin. Any other failure is left to Spring Boot.
 * <p>
 * What is allowed comes from the constraint's message on the settings record (written as the expectation, e.g.
 * {@code "a whole number of pages (at least 1)"}), else from the few Spring Boot properties application.yml maps to
 * our variables, else from the property's type.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern SECRET =
            Pattern.compile("(?i).*(password|secret|api.?key|access.?key|master.?keys|operator.?token).*");
    private static final Map<String, String> SPRING_BOOT_PROPERTIES = Map.of(
            "spring.servlet.multipart.max-file-size", "a whole number of megabytes",
            "spring.servlet.multipart.max-request-size", "a whole number of megabytes",
            "spring.datasource.hikari.maximum-pool-size", "a whole number of connections (at least 1)");

    private final Environment environment;

    InvalidSettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        BindValidationException validation = findCause(rootFailure, BindValidationException.class);
        List<String> lines = validation != null ? lines(validation.getValidationErrors())
                : Stream.ofNullable(cause.getProperty()).map(property -> line(property.getName().toString(),
                        property, expected(property.getName().toString(), cause))).toList();
        return lines.isEmpty() ? null : new InvalidSettings(lines, cause);
    }

    private List<String> lines(ValidationErrors errors) {
        return errors.getAllErrors().stream().map(error -> {
            String name = error instanceof FieldError field
                    ? errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField())
                    : errors.getName().toString();
            ConfigurationProperty property = errors.getBoundProperties().stream()
                    .filter(bound -> bound.getName().equals(ConfigurationPropertyName.adapt(name, '.')))
                    .findFirst().orElse(null);
            return line(name, property, expected(error));
        }).distinct().toList();
    }

    /** {@code VARIABLE=value is not valid: … is expected (default …).}, or the same by property and origin. */
    private String line(String name, ConfigurationProperty property, String expected) {
        Object raw = property == null ? null : property.getValue();
        Origin origin = property == null ? null : property.getOrigin();
        Optional<Variable> variable = Variable.in(raw).or(() -> mappedVariable(name));
        String set = variable.map(v -> environment.getProperty(v.name())).orElse(null);
        if (set != null && (Variable.in(raw).isPresent() || isVariable(origin, variable.get()))) {
            return "%s=%s is not valid: %s is expected%s.".formatted(variable.get().name(),
                    shown(variable.get().name(), set), expected, variable.get().defaultNote());
        }
        if (raw == null) {
            return "%s is missing: %s is expected.".formatted(name, expected);
        }
        return "%s=%s%s is not valid: %s is expected%s.".formatted(name, shown(name, raw),
                origin == null ? "" : " (" + origin + ")", expected, variable.map(Variable::note).orElse(""));
    }

    /** The value came straight from the variable (relaxed binding: QTERIA_EXTRACTION_TIMEOUT is also the property). */
    private static boolean isVariable(Origin origin, Variable variable) {
        Origin inner = origin instanceof PropertySourceOrigin source ? source.getOrigin() : origin;
        return inner instanceof SystemEnvironmentOrigin variableOrigin
                && variableOrigin.getProperty().equals(variable.name());
    }

    /** The variable application.yml (or another source) maps to the property, when the value came from elsewhere. */
    private Optional<Variable> mappedVariable(String name) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return Optional.empty();
        }
        return configurable.getPropertySources().stream()
                .map(source -> raw(source, name))
                .map(Variable::in).flatMap(Optional::stream).findFirst();
    }

    private static Object raw(PropertySource<?> source, String name) {
        try {
            return source.getProperty(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String shown(String name, Object value) {
        return SECRET.matcher(name).matches() ? "******" : String.valueOf(value);
    }

    private static String expected(ObjectError error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), "another value");
    }

    private static String expected(String name, BindException cause) {
        return constraintMessage(cause.getTarget())
                .or(() -> Optional.ofNullable(SPRING_BOOT_PROPERTIES.get(name)))
                .or(() -> byType(cause.getTarget().getType().resolve()))
                .orElseGet(() -> "another value than this (" + NestedExceptionUtils.getMostSpecificCause(cause)
                        .getMessage() + ")");
    }

    /** The message of a constraint on the record component, when it was written as the expectation. */
    private static Optional<String> constraintMessage(Bindable<?> target) {
        return Arrays.stream(target.getAnnotations())
                .filter(annotation -> annotation.annotationType().isAnnotationPresent(Constraint.class))
                .map(annotation -> AnnotationUtils.getValue(annotation, "message"))
                .filter(String.class::isInstance).map(String.class::cast)
                .filter(message -> !message.startsWith("{")).findFirst();
    }

    private static Optional<String> byType(Class<?> type) {
        if (type == null) {
            return Optional.empty();
        }
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (boxed == Integer.class || boxed == Long.class || boxed == Short.class) {
            return Optional.of("a whole number");
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return Optional.of("a number");
        }
        if (boxed == Boolean.class) {
            return Optional.of("true or false");
        }
        if (boxed == Duration.class) {
            return Optional.of("a duration such as 30s, 15m or 8h");
        }
        if (boxed == DataSize.class) {
            return Optional.of("a size such as 512KB or 50MB");
        }
        if (boxed.isEnum()) {
            List<String> values = Arrays.stream(boxed.getEnumConstants())
                    .map(value -> ((Enum<?>) value).name().toLowerCase(Locale.ROOT)).toList();
            return Optional.of(String.join(", ", values.subList(0, values.size() - 1)) + " or "
                    + values.getLast());
        }
        return Optional.empty();
    }

    /** An environment variable in a placeholder of application.yml, with its default if it has one. */
    private record Variable(String name, String defaultValue) {

        static Optional<Variable> in(Object raw) {
            if (raw == null) {
                return Optional.empty();
            }
            Matcher matcher = VARIABLE.matcher(raw.toString());
            return matcher.find() ? Optional.of(new Variable(matcher.group(1), matcher.group(2))) : Optional.empty();
        }

        /** {@code " (default 50)"}. */
        String defaultNote() {
            return defaultValue == null ? "" : " (" + defaultText() + ")";
        }

        /** {@code " (environment variable QTERIA_MAX_UPLOAD_MB, default 50)"}. */
        String note() {
            return " (environment variable " + name + (defaultValue == null ? "" : ", " + defaultText()) + ")";
        }

        private String defaultText() {
            return defaultValue.isEmpty() ? "unset by default" : "default " + defaultValue;
        }
    }
}
