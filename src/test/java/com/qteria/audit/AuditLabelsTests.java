package com.qteria.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.shared.AuditableEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every action and resource type an audited event can carry has a human label in English and German. The events are
 * found on the class path (every record implementing {@link AuditableEvent}), not listed by hand; each is built with
 * empty and with filled-in components, so actions that depend on a component (a re-run) are found too.
 */
class AuditLabelsTests {

    @Test
    void everyAuditedActionAndResourceTypeHasALabelInEnglishAndGerman() throws Exception {
        Set<String> actions = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        List<Class<?>> events = events();
        for (Class<?> type : events) {
            for (AuditableEvent event : samples(type)) {
                actions.add(event.action());
                if (event.resourceType() != null) {
                    types.add(event.resourceType());
                }
            }
        }
        assertThat(events).as("audited event types found").hasSizeGreaterThan(30);
        assertThat(actions).contains("assessment.started", "assessment.rerun", "document.uploaded", "share.viewed");

        for (String file : List.of("messages.properties", "messages_de.properties")) {
            Properties messages = messages(file);
            assertThat(actions.stream().filter(a -> blank(messages, "audit.action." + a)).toList())
                    .as("actions without a label in %s", file).isEmpty();
            assertThat(types.stream().filter(t -> blank(messages, "audit.type." + t)).toList())
                    .as("resource types without a label in %s", file).isEmpty();
        }
    }

    private static List<Class<?>> events() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditableEvent.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.qteria")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord() && !type.getName().contains("Tests")) {
                found.add(type);
            }
        }
        return found;
    }

    /** The event with every component empty, with every one filled, and with each one filled alone. */
    private static List<AuditableEvent> samples(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = java.util.Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
        canonical.setAccessible(true);
        List<AuditableEvent> samples = new ArrayList<>();
        for (int filled = -2; filled < components.length; filled++) {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                boolean fill = filled == -1 || filled == i;
                arguments[i] = fill ? filled(parameterTypes[i]) : empty(parameterTypes[i]);
            }
            try {
                samples.add((AuditableEvent) canonical.newInstance(arguments));
            } catch (java.lang.reflect.InvocationTargetException refused) {
                // a constructor that insists on a component: the other samples cover the event
            }
        }
        assertThat(samples).as("samples of %s", type).isNotEmpty();
        return samples;
    }

    private static Object empty(Class<?> type) {
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static Object filled(Class<?> type) {
        try {
            if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
                return type == int.class || type == Integer.class ? (Object) 1 : (Object) 1L;
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == String.class) {
                return "x";
            }
            if (type == UUID.class) {
                return UUID.randomUUID();
            }
            if (type == Instant.class) {
                return Instant.EPOCH;
            }
            if (type == BigDecimal.class) {
                return BigDecimal.ONE;
            }
            if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
                return List.of();
            }
            if (Map.class.isAssignableFrom(type)) {
                return Map.of();
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type.isRecord()) {
                Class<?>[] components = java.util.Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getType).toArray(Class<?>[]::new);
                Object[] values = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    values[i] = filled(components[i]);
                }
                return type.getDeclaredConstructor(components).newInstance(values);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    private static boolean blank(Properties messages, String key) {
        return messages.getProperty(key, "").isBlank();
    }

    private static Properties messages(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditLabelsTests.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
