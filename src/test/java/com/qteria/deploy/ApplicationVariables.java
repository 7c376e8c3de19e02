package com.qteria.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every environment variable Qteria reads, found where it is read — the one source of truth that {@code .env.example},
 * README's configuration tables and the deployment descriptors are held to: the {@code ${NAME:default}} placeholders
 * of application.yml, the names the code looks up itself ({@code getenv("…")}, {@code getProperty("…")} or a
 * {@code VARIABLE = "…"} constant, as the SMTP, Tesseract and log-format settings do), and the variables the image's
 * entrypoint reads ({@code ${JAVA_OPTS:-}}). A variable added anywhere there appears here at once.
 */
final class ApplicationVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern LOOKUP =
            Pattern.compile("(?:getenv|getProperty)\\(\"([A-Z][A-Z0-9_]*)\"|VARIABLE = \"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern SHELL = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-");
    /** The system's, looked up beside ours (Tesseract on the PATH), not Qteria settings. */
    private static final Set<String> SYSTEM = Set.of("PATH");

    private ApplicationVariables() {
    }

    static Set<String> all() {
        Set<String> names = new TreeSet<>(find(PLACEHOLDER, read(Path.of("src/main/resources/application.yml"))));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> names.addAll(find(LOOKUP, read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(find(SHELL, read(Path.of("deploy/docker/entrypoint.sh"))));
        names.removeAll(SYSTEM);
        return names;
    }

    private static Set<String> find(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    names.add(matcher.group(group));
                }
            }
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
