package com.qteria.workflow.web;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.ProblemCode;
import com.qteria.platform.web.ProblemResponses;
import com.qteria.workflow.WorkflowInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The export format as JSON or YAML, so that workflows can live in version control and move between organizations. */
@Component
class WorkflowFormats {

    private final JsonMapper json;
    private final YAMLMapper yaml;

    WorkflowFormats(JsonMapper json) {
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.yaml = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .build();
    }

    WorkflowInput read(String body, String contentType) {
        boolean isYaml = contentType != null && contentType.toLowerCase().contains("yaml");
        ObjectMapper mapper = isYaml ? yaml : json;
        try {
            WorkflowInput input = mapper.readValue(body, WorkflowInput.class);
            if (input == null) {
                throw new ApiProblem(ProblemCode.MALFORMED_REQUEST, "The workflow is empty.");
            }
            return input;
        } catch (DatabindException e) {
            if (!e.getPath().isEmpty()) {
                throw ApiProblem.validation(ProblemResponses.fieldPath(e), "has a value of the wrong type or an unknown check type");
            }
            throw malformed(isYaml);
        } catch (JacksonException e) {
            throw malformed(isYaml);
        }
    }

    ResponseEntity<String> download(WorkflowInput input, String name, String format) {
        boolean isYaml = "yaml".equalsIgnoreCase(format) || "yml".equalsIgnoreCase(format);
        if (!isYaml && !"json".equalsIgnoreCase(format)) {
            throw ApiProblem.validation("format", "must be json or yaml");
        }
        String body = (isYaml ? yaml : json).writeValueAsString(input);
        String filename = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "")
                + (isYaml ? ".yaml" : ".json");
        return ResponseEntity.ok()
                .contentType(isYaml ? new MediaType("application", "yaml", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    private static ApiProblem malformed(boolean yaml) {
        return new ApiProblem(ProblemCode.MALFORMED_REQUEST,
                "The body is not valid " + (yaml ? "YAML" : "JSON") + ".", List.of(), null);
    }
}
