package com.qteria.demo;

import com.qteria.document.DocumentManagement;
import com.qteria.document.Upload;
import com.qteria.identity.CurrentUser;
import com.qteria.platform.DataDirectory;
import com.qteria.workflow.WorkflowManagement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Loads the samples (shipped in {@code samples/documents/} and as workflow templates) into the caller's organization:
 * three workflows (Low Voltage Directive ICT/AV, medical electrical equipment, EMC Directive) and fourteen documents
 * of fictitious manufacturers — test reports, declarations, manuals, risk assessments — ready to assess.
 */
@Service
public class SampleContent {

    /** The template keys of the sample workflows (the same files as {@code shared/samples/workflows}). */
    static final List<String> WORKFLOWS = List.of("lvd-ict-equipment", "medical-electrical-equipment", "emc-directive");

    private final WorkflowManagement workflows;
    private final DocumentManagement documents;
    private final Path temporary;

    SampleContent(WorkflowManagement workflows, DocumentManagement documents, DataDirectory dataDirectory) {
        this.workflows = workflows;
        this.documents = documents;
        this.temporary = dataDirectory.temporary();
    }

    public record Loaded(int workflows, int documents) {
    }

    public Loaded load(CurrentUser user) {
        WORKFLOWS.forEach(key -> workflows.createFromTemplate(user, key));
        List<Upload> uploads = new ArrayList<>();
        try {
            Files.createDirectories(temporary);
            for (Resource resource : sampleDocuments()) {
                Path file = Files.createTempFile(temporary, "sample-", ".pdf");
                uploads.add(new Upload(resource.getFilename(), file));
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Loaded(WORKFLOWS.size(), documents.upload(user, uploads).size());
        } catch (IOException e) {
            throw new UncheckedIOException("Loading the sample documents failed", e);
        } finally {
            for (Upload upload : uploads) {
                try {
                    Files.deleteIfExists(upload.file());
                } catch (IOException ignored) {
                    // a temporary copy of a shipped sample; the start-up clean-up removes it later
                }
            }
        }
    }

    private static List<Resource> sampleDocuments() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/documents/*.pdf");
        return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }
}
