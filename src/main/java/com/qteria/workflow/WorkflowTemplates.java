package com.qteria.workflow;

import com.qteria.shared.ApiProblem;
import com.qteria.workflow.definition.WorkflowValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter workflows shipped in {@code workflow-templates/*.json} (the export format). Read and validated once, at
 * first use; a template that does not validate is a build error, caught by the tests.
 */
@Component
class WorkflowTemplates {

    private final JsonMapper json;
    private volatile Map<String, WorkflowInput> templates;

    WorkflowTemplates(JsonMapper json) {
        this.json = json;
    }

    List<WorkflowTemplate> list() {
        List<WorkflowTemplate> list = new ArrayList<>();
        for (Entry<String, WorkflowInput> entry : all().entrySet()) {
            WorkflowInput input = entry.getValue();
            list.add(new WorkflowTemplate(entry.getKey(), input.name(), input.description(), input.buckets().size(),
                    input.criteria().size(),
                    (int) input.criteria().stream().filter(c -> c.checks() != null && !c.checks().isEmpty()).count()));
        }
        list.sort(Comparator.comparing(WorkflowTemplate::name));
        return list;
    }

    WorkflowInput input(String key) {
        WorkflowInput input = all().get(key);
        if (input == null) {
            throw ApiProblem.notFound("Template");
        }
        return input;
    }

    private Map<String, WorkflowInput> all() {
        Map<String, WorkflowInput> loaded = templates;
        if (loaded == null) {
            loaded = load();
            templates = loaded;
        }
        return loaded;
    }

    private Map<String, WorkflowInput> load() {
        try {
            Map<String, WorkflowInput> loaded = new LinkedHashMap<>();
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:workflow-templates/*.json");
            for (Resource resource : resources) {
                String key = resource.getFilename().replaceFirst("\\.json$", "");
                try (InputStream in = resource.getInputStream()) {
                    WorkflowInput input = json.readValue(in, WorkflowInput.class);
                    WorkflowValidator.validate(input, Map.of());
                    loaded.put(key, input);
                }
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the workflow templates", e);
        }
    }
}
