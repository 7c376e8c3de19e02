package com.qteria.assessment.command;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A workflow in the import format of API.md (JSON, or YAML when the file is named {@code .yaml}/{@code .yml} or does
 * not start with <code>{</code>), validated exactly as the server validates an import.
 */
final class WorkflowFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private WorkflowFile() {
    }

    static WorkflowView read(Path file) throws CannotAssess {
        if (!Files.isRegularFile(file)) {
            throw new CannotAssess("No such workflow file: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CannotAssess("Cannot read the workflow " + file + ": " + e.getMessage());
        }
        try {
            return WorkflowView.offline(parse(file, text));
        } catch (ApiProblem problem) {
            throw new CannotAssess("The workflow " + file + " is not valid:\n" + problem.errors().stream()
                    .map(WorkflowFile::line).collect(Collectors.joining("\n")));
        }
    }

    private static WorkflowInput parse(Path file, String text) throws CannotAssess {
        boolean yaml = isYaml(file, text);
        try {
            WorkflowInput input = (yaml ? YAML : JSON).readValue(text, WorkflowInput.class);
            if (input == null) {
                throw new CannotAssess("The workflow " + file + " is empty.");
            }
            return input;
        } catch (DatabindException e) {
            if (!e.getPath().isEmpty()) {
                throw new CannotAssess("The workflow " + file + " is not valid:\n" + line(new FieldError(path(e),
                        "has a value of the wrong type or an unknown check type")));
            }
            throw new CannotAssess(notParsable(file, yaml, e));
        } catch (JacksonException e) {
            throw new CannotAssess(notParsable(file, yaml, e));
        }
    }

    private static boolean isYaml(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        return !name.endsWith(".json") && !text.stripLeading().replace("\uFEFF", "").startsWith("{");
    }

    private static String notParsable(Path file, boolean yaml, JacksonException e) {
        return "The workflow " + file + " is not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage();
    }

    /** The JSON path of the offending field, as the API names it ({@code criteria[3].checks[0].pattern}). */
    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String line(FieldError error) {
        return "  " + (error.field().isEmpty() ? "(workflow)" : error.field()) + ": " + error.message();
    }
}
